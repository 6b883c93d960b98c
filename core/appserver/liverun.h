// SPDX-License-Identifier: MIT
#pragma once

#include "messageids.h"
#include "model/entities.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

// The event assembler's working state. Internal to EventAssembler.
namespace lettascope::appserver {

/// A message being recorded. Its final id may depend on the run's key, which can be resolved after
/// the message arrived, so it is completed when the run is written.
struct LiveMessage {
    enum class Scope {
        AsIs,      ///< the server's stored id (ui-msg-N) or a conversation-scoped tool id
        PerRun,    ///< live-only entries (errors, retries): "<run key>/<localKey>"
    };
    Message message;
    Scope scope = Scope::AsIs;
    QString localKey;
    int stepPosition = 0;   ///< 1-based LLM call of the run that produced it; 0 for none
};

struct LiveRun {
    QString serverRunId;
    QString conversationKey;
    QString key;                ///< cache id; empty until the run's turn is known
    QStringList clientMessageIds;
    QString turnId;
    Run run;
    QList<Step> steps;          ///< position n at index n-1
    QList<LiveMessage> messages;
    QHash<QString, qsizetype> messageIndex;     ///< localKey -> index in messages
    QHash<QString, int> stepOfToolCall;         ///< tool call id -> step position
    QHash<QString, qint64> toolStartedMs;
    QSet<QString> awaitingUser;                 ///< tool calls the user has to approve
    QHash<QString, int> liveOnlyCount;          ///< per message_type, for PerRun keys
    int llmCalls = 0;           ///< usage_statistics seen: completed LLM calls
    bool finished = false;
    bool interrupted = false;   ///< active when the connection dropped
    bool runDirty = true;
    QSet<int> dirtySteps;
    QSet<qsizetype> dirtyMessages;
};

struct LiveConversation {
    ConversationRef ref;
    QString loopStatus;
    QStringList activeRunIds;
    QHash<QString, QStringList> clientIdsByRun; ///< this server process's runs, from loop status
    QStringList runOrder;                       ///< run ids in first-seen order (non-numeric ids)
    bool resyncing = false;
    bool snapshotSeen = false;
    QHash<QString, QStringList> snapshot;       ///< the map replayed by the last sync
    /// can_use_tool requests by tool call id, until the call returns: the request may arrive before
    /// the approval_request_message it belongs to, or between its chunks.
    QHash<QString, QJsonObject> controlRequests;
};

} // namespace lettascope::appserver
