// SPDX-License-Identifier: MIT
#pragma once

#include "historyentry.h"

namespace lettascope::appserver {

struct AssemblyOptions {
    /// letta-code runs the LLM call after a tool call as a new run of the same turn; reproduce that so
    /// reconstructed runs get the keys live recording gives them. Off for foreign trajectory files,
    /// where one user turn is one run.
    bool splitRunsAfterToolCalls = true;
};

/// Runs, steps and messages reconstructed from a conversation's history.
struct AssembledHistory {
    QList<Run> runs;
    QList<Step> steps;
    QList<Message> messages;
    /// Id of the user message that began the last turn: the next incremental pass starts there, so
    /// a turn still in progress is re-assembled whole.
    QString lastTurnStartId;
};

/**
 * Reconstructs runs and steps from stored messages, which carry neither (letta-app-server.md §6).
 * Entries must be oldest first and start at a turn boundary (a conversation's first message, or a
 * previous lastTurnStartId). Rules:
 * - a user message starts a turn, keyed by its otid (the client message id) or else its id;
 * - a user message that repeats the previous one with nothing in between is the copy the server
 *   stores for each outer retry: the next run of the same turn (the attempt before it failed);
 *   a different one right after another user message was queued into the same run;
 * - after an LLM call that requested tools, the next LLM call is the next run of the turn;
 * - each LLM call (entries sharing llmCallId) is a step.
 * Everything produced is marked reconstructed. A run's status is inferred: completed when the
 * model answered, failed when a retry copy follows it, unknown otherwise; stop reasons, durations
 * and (unless the source has them) tokens stay empty.
 */
AssembledHistory assembleHistory(const ConversationRef &conversation, const QList<HistoryEntry> &entries,
                                 const AssemblyOptions &options = {});

/// conversation_messages_list pages (newest first, concatenated) assembled from the message with id
/// `startId` on (everything when it is empty or not listed). Unusable items are counted in `skipped`.
AssembledHistory assembleListing(const ConversationRef &conversation, const QJsonArray &newestFirst,
                                 const QString &startId, qint64 *skipped);

} // namespace lettascope::appserver
