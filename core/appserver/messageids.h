// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// How App Server data is keyed in the cache (docs/ARCHITECTURE.md, "App Server source").
//
// Runs: the server's run ids (local-run-N) restart with every server process and are not in the
// stored history, so a run is keyed by its turn instead: the conversation, the client message id
// of the user message that started the turn (its otid in history, client_message_ids_by_run_id
// live), and the run's position in that turn. History reconstruction and live recording derive
// the same key for the same run, so the two never duplicate each other.
namespace lettascope::appserver {

/// Identifies a conversation across agents: its id, or "default:<agent id>" for an agent's default
/// conversation (the App Server calls every agent's default conversation "default").
struct ConversationRef {
    QString agentId;
    QString conversationId;   ///< as the server names it ("local-conv-3", "default")
    QString key;              ///< what the cache stores as conversation_id

    static ConversationRef of(const QString &agentId, const QString &conversationId);
    bool isDefault() const;
};

/// "<conversation key>/<turn key>/<n>": the n-th run (1-based) of the turn that began with turnKey.
QString runKey(const QString &conversationKey, const QString &turnKey, int position);
/// For a live run that names no client message: the server's run id plus the server process it ran in.
QString fallbackRunKey(const QString &conversationKey, const QString &serverRunId, const QString &epoch);
/// "<run key>/step/<n>": the n-th LLM call (1-based) of a run.
QString stepKey(const QString &runKey, int position);
/// Tool call entries have different ids in history ("ui-msg-4:tool:<call>:request") and live
/// ("letta-msg-14", "synthetic-tool-return-…"); both become "<conversation key>/tool/<call id>/<role>".
QString toolMessageId(const QString &conversationKey, const QString &toolCallId, QStringView role);
/// The stored message an expanded history entry came from: "ui-msg-4:tool:call_x:request" → "ui-msg-4".
QString storedMessageIdOf(const QString &entryId);

} // namespace lettascope::appserver
