// SPDX-License-Identifier: MIT
#include "historysource.h"

#include "appserverclient.h"
#include "net/httpclient.h"
#include "letta/parsers.h"
#include "sync/resthelpers.h"
#include "turnassembler.h"

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

using namespace sync::detail;

namespace {
constexpr int kListPage = 100;
constexpr int kMessagePage = 200;

QString stateKey(const ConversationRef &conversation, QStringView what)
{
    return u"appserver/conversation/"_s + conversation.key + u'/' + what;
}

bool holdsId(const QJsonArray &messages, const QString &id)
{
    for (const QJsonValue &message : messages) {
        if (message.toObject().value(u"id").toString() == id)
            return true;
    }
    return false;
}
} // namespace

AppServerSource::AppServerSource(AppServerClient *client)
    : m_client(client)
{
}

Result<QString> AppServerSource::probe()
{
    auto info = net::resultOf(m_client->probe());
    if (!info)
        return info.error();
    return info->versionText();
}

Result<QJsonObject> AppServerSource::call(const QString &type, const QJsonObject &fields, sync::ResourceReport &entry)
{
    ++entry.requests;
    return net::resultOf(m_client->request(type, fields));
}

Result<QJsonArray> AppServerSource::listAll(const QString &type, const QString &key, QJsonObject query, sync::ResourceReport &entry)
{
    QJsonArray all;
    query.insert(u"limit"_s, kListPage);
    while (true) {
        auto reply = call(type, {{u"query"_s, query}}, entry);
        if (!reply)
            return reply.error();
        const QJsonArray page = reply->value(key).toArray();
        for (const QJsonValue &item : page)
            all.append(item);
        const QString last = page.isEmpty() ? QString() : page.last().toObject().value(u"id").toString();
        if (page.size() < kListPage || last.isEmpty())
            return all;
        if (last == query.value(u"after").toString()) {
            entry.note = u"the server repeated a page; stopped paging"_s;
            return all;
        }
        query.insert(u"after"_s, last);
    }
}

void AppServerSource::sync(sync::SyncSink &sink, const sync::SyncOptions &options, sync::SyncReport &report)
{
    Q_UNUSED(options) // no step metrics or history depth on this source: it has neither
    const QList<ConversationRef> defaults = syncAgents(sink, report);
    const auto conversations = listConversations(defaults, report);
    sync::ResourceReport &entry = report.resource(u"messages"_s);
    for (qsizetype i = 0; i < conversations.size() && !sink.isCancelled(); ++i) {
        sink.progress({u"messages"_s, i, conversations.size()});
        syncConversation(sink, conversations[i].first, conversations[i].second, entry);
    }
}

QList<ConversationRef> AppServerSource::syncAgents(sync::SyncSink &sink, sync::SyncReport &report)
{
    sync::ResourceReport &entry = report.resource(u"agents"_s);
    sink.progress({u"agents"_s, 0, {}});
    auto items = listAll(u"agent_list"_s, u"agents"_s, {}, entry);
    if (!items) {
        fail(entry, items.error());
        return {};
    }
    store::WriteBatch batch;
    QList<ConversationRef> defaults;
    for (const QJsonValue &item : std::as_const(*items)) {
        auto agent = letta::parseAgent(item);
        if (!agent) {
            ++entry.skipped;
            continue;
        }
        defaults.append(ConversationRef::of(agent->id, u"default"_s));
        batch.agents.append(std::move(agent).value());
    }
    entry.fetched += batch.agents.size();
    commitOrFail(sink, std::move(batch), entry);
    return defaults;
}

QList<std::pair<ConversationRef, QJsonObject>> AppServerSource::listConversations(const QList<ConversationRef> &defaults,
                                                                                   sync::SyncReport &report)
{
    sync::ResourceReport &entry = report.resource(u"conversations"_s);
    QList<std::pair<ConversationRef, QJsonObject>> conversations;
    // Hidden conversations (subagents, reflection) make LLM calls too; an observability tool shows them.
    auto items = listAll(u"conversation_list"_s, u"conversations"_s, {{u"include_hidden"_s, true}}, entry);
    if (!items) {
        fail(entry, items.error());
    } else {
        for (const QJsonValue &item : std::as_const(*items)) {
            const QJsonObject o = item.toObject();
            const QString id = o.value(u"id").toString();
            if (id.isEmpty()) {
                ++entry.skipped;
                continue;
            }
            conversations.append({ConversationRef::of(o.value(u"agent_id").toString(), id), o});
        }
        entry.fetched = conversations.size();
    }
    // Default conversations are not listed; each agent has one.
    for (const ConversationRef &ref : defaults)
        conversations.append({ref, QJsonObject{}});
    return conversations;
}

Result<QJsonArray> AppServerSource::fetchBackTo(const ConversationRef &conversation, const QString &anchorId,
                                                sync::ResourceReport &entry)
{
    QJsonArray all;
    QJsonObject query{{u"limit"_s, kMessagePage}};
    if (conversation.isDefault())
        query.insert(u"agent_id"_s, conversation.agentId);
    while (true) {
        auto reply = call(u"conversation_messages_list"_s,
                          {{u"conversation_id"_s, conversation.conversationId}, {u"query"_s, query}}, entry);
        if (!reply)
            return reply.error();
        const QJsonArray page = reply->value(u"messages"_s).toArray();
        for (const QJsonValue &message : page)
            all.append(message);
        const QString next = reply->value(u"next_before"_s).toString();
        if (!reply->value(u"has_more"_s).toBool() || page.isEmpty() || (!anchorId.isEmpty() && holdsId(page, anchorId)))
            return all;
        if (next.isEmpty() || next == query.value(u"before"_s).toString()) {
            entry.note = u"the server repeated a page of %1; stopped paging"_s.arg(conversation.key);
            return all;
        }
        query.insert(u"before"_s, next);
    }
}

void AppServerSource::syncConversation(sync::SyncSink &sink, const ConversationRef &conversation, const QJsonObject &info,
                                       sync::ResourceReport &entry)
{
    const QString lastMessageAt = info.value(u"last_message_at"_s).toString();
    if (!lastMessageAt.isEmpty() && lastMessageAt == sink.state(stateKey(conversation, u"last_message_at")))
        return;
    const QString anchor = sink.state(stateKey(conversation, u"turn_start"));
    auto messages = fetchBackTo(conversation, anchor, entry);
    if (!messages) {
        // One conversation failing (deleted meanwhile, say) must not stop the others.
        entry.note = u"%1: %2"_s.arg(conversation.key, messages.error().message);
        return;
    }
    store::WriteBatch batch;
    const QString newest = messages->isEmpty() ? QString() : messages->first().toObject().value(u"id").toString();
    batch.syncState.insert(stateKey(conversation, u"last_message_at"), lastMessageAt);
    if (!newest.isEmpty() && newest == sink.state(stateKey(conversation, u"newest"))) {
        commitOrFail(sink, std::move(batch), entry);
        return;
    }
    AssembledHistory history = assembleListing(conversation, *messages, anchor, &entry.skipped);
    entry.fetched += history.messages.size();
    batch.runs = std::move(history.runs);
    batch.steps = std::move(history.steps);
    batch.messages = std::move(history.messages);
    batch.syncState.insert(stateKey(conversation, u"turn_start"), history.lastTurnStartId.isEmpty() ? anchor : history.lastTurnStartId);
    batch.syncState.insert(stateKey(conversation, u"newest"), newest);
    commitOrFail(sink, std::move(batch), entry);
}

} // namespace lettascope::appserver
