// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "historyentry.h"

#include <QByteArray>

namespace lettascope::appserver {

/// One trajectory-v1 file (`letta trajectories export`, @letta-ai/trajectory): a JSON array whose
/// first record is {role:"meta", source, cwd?, git_branch?, model?}, then user, assistant
/// (content or tool_calls), reasoning, tool (tool_call_id, content, ok?), system and observation
/// records. The format has no ids, tokens or latencies; entry ids are "<idPrefix>:<record index>".
struct TrajectoryFile {
    QString source;
    QString cwd;
    QString model;
    QList<HistoryEntry> entries;
    qint64 skipped = 0;     ///< records of unknown roles
};

Result<TrajectoryFile> parseTrajectoryFile(const QByteArray &json, const ConversationRef &conversation,
                                           const QString &idPrefix);

} // namespace lettascope::appserver
