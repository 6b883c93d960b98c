// SPDX-License-Identifier: MIT
#include "recorderworker.h"

#include "common/logging.h"
#include "common/whenready.h"
#include "infoprobe.h"
#include "store/storewriter.h"
#include "turnassembler.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {
constexpr int kListPage = 100;
constexpr int kTurnPage = 50;
constexpr int kTurnPagesMax = 20;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isFatal(const Error &error)
{
    return error.kind == ErrorKind::Unsupported || error.kind == ErrorKind::Auth || error.kind == ErrorKind::NotFound
        || error.kind == ErrorKind::BadPayload;
}
} // namespace

RecorderWorker::RecorderWorker(store::StoreWriter &writer, store::ServerRecord server, AppServerEndpoint endpoint,
                               RecorderOptions options)
    : m_writer(writer)
    , m_server(std::move(server))
    , m_endpoint(std::move(endpoint))
    , m_options(options)
    , m_assembler(QString::number(nowMs(), 36))
    , m_backoff(options.backoff)
{
    m_nam.setParent(this);
    m_channel.setParent(this);
    m_flushTimer.setParent(this);
    m_discoveryTimer.setParent(this);
    m_reconnectTimer.setParent(this);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_channel, &WsChannel::opened, this, &RecorderWorker::onOpened);
    connect(&m_channel, &WsChannel::closed, this, &RecorderWorker::onClosed);
    connect(&m_channel, &WsChannel::eventReceived, this, &RecorderWorker::onEvent);
    connect(&m_flushTimer, &QTimer::timeout, this, &RecorderWorker::flush);
    connect(&m_discoveryTimer, &QTimer::timeout, this, &RecorderWorker::discover);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RecorderWorker::connectToServer);
}

RecorderWorker::~RecorderWorker() = default;

void RecorderWorker::setState(RecorderState state, const QString &detail)
{
    if (m_stats.state == state && detail.isEmpty())
        return;
    m_stats.state = state;
    Q_EMIT stateChanged(state, detail);
    emitStats(true);
}

void RecorderWorker::start()
{
    auto id = m_writer.ensureServer(m_server).result();
    if (!id) {
        setState(RecorderState::Failed, id.error().message);
        Q_EMIT failed(id.error());
        return;
    }
    m_serverId = *id;
    m_sinceStats.start();
    m_flushTimer.start(m_options.flushIntervalMs);
    setState(RecorderState::Connecting);
    connectToServer();
}

void RecorderWorker::connectToServer()
{
    if (m_stopping)
        return;
    probeServerInfo(m_nam, m_endpoint, this, [this](Result<AppServerInfo> info) { onProbed(std::move(info)); });
}

void RecorderWorker::onProbed(Result<AppServerInfo> info)
{
    if (m_stopping)
        return;
    if (!info) {
        if (isFatal(info.error())) {
            setState(RecorderState::Failed, info.error().message);
            Q_EMIT failed(info.error());
            return;
        }
        scheduleReconnect(info.error().message);
        return;
    }
    m_stats.serverVersion = info->versionText();
    if (m_server.version != m_stats.serverVersion) {
        m_server.version = m_stats.serverVersion;
        m_writer.ensureServer(m_server);
    }
    m_channel.open(m_endpoint);
}

void RecorderWorker::onOpened()
{
    m_subscribed.clear();
    m_subscribing.clear();
    discover();
}

void RecorderWorker::onClosed(const Error &reason)
{
    if (m_stopping)
        return;
    if (m_connectedOnce) {
        // Whatever happens until we are subscribed again is lost: say so in the cache.
        m_assembler.connectionLost();
        flush();
        if (!m_gap)
            openGap(reason.message);
    }
    m_discoveryTimer.stop();
    scheduleReconnect(reason.message);
}

void RecorderWorker::scheduleReconnect(const QString &why)
{
    const int delay = m_backoff.nextDelayMs();
    qCInfo(lcAppServer) << "App Server unavailable (" << why << "); retrying in" << delay << "ms";
    setState(m_connectedOnce ? RecorderState::Reconnecting : RecorderState::Connecting,
             u"%1; retrying in %2 s"_s.arg(why).arg(delay / 1000.0, 0, 'f', 1));
    m_reconnectTimer.start(delay);
}

void RecorderWorker::onEvent(const QJsonObject &frame)
{
    m_stats.lastEventMs = nowMs();
    if (!m_assembler.apply(frame))
        ++m_rejectedFrames;
}

void RecorderWorker::listAll(const QString &type, const QString &key, QJsonObject query, QJsonArray collected, ListDone done)
{
    query.insert(u"limit"_s, kListPage);
    m_channel.request(type, {{u"query"_s, query}}, [=, this](Result<QJsonObject> reply) mutable {
        if (!reply) {
            done(reply.error());
            return;
        }
        const QJsonArray page = reply->value(key).toArray();
        for (const QJsonValue &item : page)
            collected.append(item);
        const QString last = page.isEmpty() ? QString() : page.last().toObject().value(u"id").toString();
        if (page.size() < kListPage || last.isEmpty() || last == query.value(u"after").toString()) {
            done(collected);
            return;
        }
        query.insert(u"after"_s, last);
        listAll(type, key, query, collected, done);
    });
}

void RecorderWorker::discover()
{
    if (m_discovering || !m_channel.isOpen())
        return;
    m_discovering = true;
    listAll(u"agent_list"_s, u"agents"_s, {}, {}, [this](Result<QJsonArray> agents) {
        if (!agents) {
            m_discovering = false;
            // A dropped connection is handled (and reported) by onClosed; anything else is worth a warning.
            if (agents.error().kind != ErrorKind::Network && agents.error().kind != ErrorKind::Cancelled)
                qCWarning(lcAppServer) << "agent_list failed:" << agents.error().message;
            return;
        }
        listAll(u"conversation_list"_s, u"conversations"_s, {{u"include_hidden"_s, true}}, {},
                [this, agents = *agents](Result<QJsonArray> conversations) {
                    m_discovering = false;
                    QList<ConversationRef> refs;
                    for (const QJsonValue &agent : agents)
                        refs.append(ConversationRef::of(agent.toObject().value(u"id").toString(), u"default"_s));
                    if (conversations) {
                        for (const QJsonValue &item : *conversations) {
                            const QJsonObject o = item.toObject();
                            refs.append(ConversationRef::of(o.value(u"agent_id").toString(), o.value(u"id").toString()));
                        }
                    }
                    for (const ConversationRef &ref : std::as_const(refs)) {
                        if (!ref.agentId.isEmpty() && !m_subscribed.contains(ref.key) && !m_subscribing.contains(ref.key))
                            subscribe(ref);
                    }
                    if (m_subscribing.isEmpty() && m_stats.state != RecorderState::Recording)
                        onSubscribed({}, true);
                });
    });
}

void RecorderWorker::subscribe(const ConversationRef &conversation)
{
    m_subscribing.insert(conversation.key);
    m_assembler.beginResync(conversation);
    // recover_approvals would make the server re-check stale approvals on our behalf: an observer
    // must not change anything, so it is off.
    const QJsonObject runtime{{u"agent_id"_s, conversation.agentId}, {u"conversation_id"_s, conversation.conversationId}};
    m_channel.request(u"sync"_s, {{u"runtime"_s, runtime}, {u"recover_approvals"_s, false}},
                      [this, conversation](Result<QJsonObject> reply) {
                          if (!reply)
                              qCWarning(lcAppServer) << "sync of" << conversation.key << "failed:" << reply.error().message;
                          onSubscribed(conversation, reply.ok());
                      });
}

void RecorderWorker::onSubscribed(const ConversationRef &conversation, bool ok)
{
    if (!conversation.key.isEmpty()) {
        m_subscribing.remove(conversation.key);
        const ResyncOutcome outcome = m_assembler.endResync(conversation, ok, nowMs());
        if (ok)
            m_subscribed.insert(conversation.key);
        if (m_gap) {
            m_gap->missedRunIds += outcome.missedRunIds;
            m_gap->unobservedRunIds += outcome.unobservedEnds;
        }
    }
    // Syncs failing because the socket closed do not complete a resubscription; onClosed handles that.
    if (!m_subscribing.isEmpty() || !m_channel.isOpen())
        return;
    m_stats.conversations = m_subscribed.size();
    if (m_stats.state == RecorderState::Recording)
        return;
    // Every conversation is subscribed again: recording is whole from here on.
    m_connectedOnce = true;
    m_backoff.reset();
    if (m_gap)
        closeGap();
    flush();
    m_discoveryTimer.start(m_options.discoveryIntervalMs);
    setState(RecorderState::Recording, m_stats.serverVersion);
}

void RecorderWorker::flush()
{
    // At most two writes in flight: while the store is busy, changes keep merging in the assembler.
    if (m_pendingWrites < 2) {
        store::WriteBatch batch = m_assembler.takeChanges();
        if (!batch.isEmpty())
            write(std::move(batch));
    }
    for (const FinishedTurn &turn : m_assembler.takeFinishedTurns()) {
        ++m_stats.turnsFinished;
        // The prompt that started the turn is only in the stored history; fetch it.
        if (!turn.clientMessageIds.isEmpty() && m_channel.isOpen())
            fetchTurn(turn, {}, {}, kTurnPagesMax);
    }
    m_stats.framesReceived = m_channel.framesReceived();
    m_stats.framesSkipped = m_channel.framesSkipped() + m_rejectedFrames;
    m_stats.runsSeen = m_assembler.runsSeen();
    m_stats.activeRuns = m_assembler.activeRuns();
    emitStats(false);
}

void RecorderWorker::write(store::WriteBatch batch)
{
    ++m_pendingWrites;
    auto future = m_writer.write(m_serverId, std::move(batch));
    m_writes.append(future);
    whenReady(future, this, [this](const Result<store::ChangeSet> &result) {
        --m_pendingWrites;
        if (result) {
            ++m_stats.batchesWritten;
        } else {
            ++m_stats.writeErrors;
            qCWarning(lcAppServer) << "recording a batch failed:" << result.error().message;
        }
    });
    m_writes.removeIf([](const auto &f) { return f.isFinished(); });
}

void RecorderWorker::fetchTurn(const FinishedTurn &turn, QJsonArray collected, QString before, int pagesLeft)
{
    QJsonObject query{{u"limit"_s, kTurnPage}};
    if (!before.isEmpty())
        query.insert(u"before"_s, before);
    if (turn.conversation.isDefault())
        query.insert(u"agent_id"_s, turn.conversation.agentId);
    const QJsonObject fields{{u"conversation_id"_s, turn.conversation.conversationId}, {u"query"_s, query}};
    m_channel.request(u"conversation_messages_list"_s, fields, [=, this](Result<QJsonObject> reply) mutable {
        if (!reply) {
            qCWarning(lcAppServer) << "could not fetch the stored turn of" << turn.conversation.key << reply.error().message;
            return;
        }
        QString startId;
        const QJsonArray page = reply->value(u"messages"_s).toArray();
        for (const QJsonValue &message : page) {
            collected.append(message);
            const QJsonObject o = message.toObject();
            if (o.value(u"message_type").toString() == u"user_message" && o.value(u"otid").toString() == turn.clientMessageIds.first())
                startId = o.value(u"id").toString();
        }
        const QString next = reply->value(u"next_before"_s).toString();
        if (startId.isEmpty() && reply->value(u"has_more"_s).toBool() && !next.isEmpty() && next != before && pagesLeft > 1) {
            fetchTurn(turn, collected, next, pagesLeft - 1);
            return;
        }
        if (startId.isEmpty())
            return; // compacted away or never stored: the live record stands alone
        qint64 skipped = 0;
        AssembledHistory history = assembleListing(turn.conversation, collected, startId, &skipped);
        store::WriteBatch batch;
        batch.runs = std::move(history.runs);     // never replace the recorded runs (the store keeps
        batch.steps = std::move(history.steps);   // reported rows over reconstructed ones)
        // Only the prompts: the live record already holds the rest, with what history lacks (the
        // can_use_tool request on an approval, errors), and a stored copy must not replace it.
        for (Message &message : history.messages) {
            if (message.kind == MessageKind::User)
                batch.messages.append(std::move(message));
        }
        write(std::move(batch));
    });
}

void RecorderWorker::openGap(const QString &reason)
{
    RecordingGap gap;
    gap.serverId = m_serverId;
    gap.startedMs = m_stats.lastEventMs.value_or(nowMs());
    gap.reason = reason;
    m_gap = gap;
    ++m_stats.gaps;
    m_gapOpening = m_writer.call<qint64>([gap](store::Database &db) {
        return openRecordingGap(db, gap.serverId, gap.startedMs, gap.reason);
    });
}

void RecorderWorker::closeGap()
{
    RecordingGap gap = *m_gap;
    m_gap.reset();
    gap.endedMs = nowMs();
    auto id = m_gapOpening.result(); // FIFO on the writer thread: already done, or next
    if (!id) {
        qCWarning(lcAppServer) << "could not record a recording gap:" << id.error().message;
        return;
    }
    gap.id = *id;
    m_writer.call<Done>([gap](store::Database &db) { return closeRecordingGap(db, gap); });
    Q_EMIT gapRecorded(gap);
}

void RecorderWorker::emitStats(bool force)
{
    if (!force && m_sinceStats.isValid() && m_sinceStats.elapsed() < m_options.statsIntervalMs)
        return;
    m_sinceStats.restart();
    Q_EMIT statsChanged(m_stats);
}

void RecorderWorker::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_flushTimer.stop();
    m_discoveryTimer.stop();
    m_reconnectTimer.stop();
    m_assembler.recordingStopped();
    for (auto &future : m_writes)
        future.waitForFinished();
    m_writes.clear();
    // The last batch goes regardless of the in-flight limit: nothing else is written after it.
    if (store::WriteBatch batch = m_assembler.takeChanges(); !batch.isEmpty())
        m_writer.write(m_serverId, std::move(batch)).waitForFinished();
    if (m_gap)
        closeGap();
    m_channel.close();
    setState(RecorderState::Stopped);
}

} // namespace lettascope::appserver
