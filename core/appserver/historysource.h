// SPDX-License-Identifier: MIT
#pragma once

#include "messageids.h"
#include "sync/syncsource.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lettascope::appserver {

class AppServerClient;

/**
 * History sync of a Letta Code App Server: agents (agent_list), conversations (conversation_list,
 * hidden ones included, plus every agent's default conversation) and their messages
 * (conversation_messages_list, newest first, paged with next_before/has_more). Stored messages carry
 * no run or step ids, so runs and steps are reconstructed (turnassembler.h) and marked so.
 *
 * Incremental: a conversation whose last_message_at (or newest message) is unchanged is skipped;
 * otherwise only the pages back to the start of the last turn seen are read, and that turn is
 * re-assembled whole. Runs recorded live are never overwritten by reconstructed ones (the store
 * keeps a reported row over an inferred one), so syncing history after recording adds the user
 * prompts without duplicating runs.
 */
class AppServerSource final : public sync::SyncSource
{
public:
    /// `client` must outlive the source.
    explicit AppServerSource(AppServerClient *client);

    Result<QString> probe() override;
    void sync(sync::SyncSink &sink, const sync::SyncOptions &options, sync::SyncReport &report) override;

private:
    Result<QJsonObject> call(const QString &type, const QJsonObject &fields, sync::ResourceReport &entry);
    /// Every item of a paged list (`key` in the reply), following `after` cursors.
    Result<QJsonArray> listAll(const QString &type, const QString &key, QJsonObject query, sync::ResourceReport &entry);
    QList<ConversationRef> syncAgents(sync::SyncSink &sink, sync::SyncReport &report);
    QList<std::pair<ConversationRef, QJsonObject>> listConversations(const QList<ConversationRef> &defaults, sync::SyncReport &report);
    void syncConversation(sync::SyncSink &sink, const ConversationRef &conversation, const QJsonObject &info, sync::ResourceReport &entry);
    /// Newest-first pages until one holds `anchorId` (or the history ends); the messages, newest first.
    Result<QJsonArray> fetchBackTo(const ConversationRef &conversation, const QString &anchorId, sync::ResourceReport &entry);

    AppServerClient *m_client;
};

} // namespace lettascope::appserver
