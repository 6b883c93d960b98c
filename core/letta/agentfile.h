// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "model/entities.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::letta {

/// One agent from an agent file, with the messages the file holds for it.
struct AgentFileAgent {
    Agent agent;                        ///< blocks and tools resolved from the file's shared pools
    QList<Message> messages;            ///< file order (context order, not always chronological)
    QStringList inContextMessageIds;    ///< context window, in context order
};

/// A Letta Agent File (.af) read offline (reference/agent-file-format.md). Ids inside the file are
/// file-local ("agent-0", "message-12"); legacy files have none, so they are made up the same way.
/// Messages carry no run or step ids: runs and steps have to be inferred by the caller.
struct AgentFile {
    enum class Format {
        Agents,     ///< current: {agents[], groups[], blocks[], tools[], …} (the server's "v2")
        Legacy,     ///< one flat agent with inline memory and tools (server "v1", before Oct 2025)
    };
    Format format = Format::Agents;
    QString version;                    ///< legacy `version`, or `metadata.revision_id`
    std::optional<qint64> exportedMs;   ///< export time (agents[] files only)
    QList<AgentFileAgent> agents;
    QJsonArray groups;                  ///< multi-agent groups, as in the file
};

/// Reads and parses an agent file. Io when it cannot be read, BadPayload when it is not JSON,
/// Unsupported when it is JSON but not an agent file.
Result<AgentFile> readAgentFile(const QString &path);
/// Parses agent file contents; accepts the double-encoded variant (a JSON string holding the file).
Result<AgentFile> parseAgentFile(const QByteArray &contents);

} // namespace lettascope::letta
