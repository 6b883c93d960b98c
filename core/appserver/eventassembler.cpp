// SPDX-License-Identifier: MIT
#include "eventassembler.h"

#include "common/logging.h"
#include "common/timestamps.h"
#include "net/errorbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {
// Finished runs kept in memory for late frames (a terminal loop_error follows turn_finished).
constexpr size_t kFinishedRunsKept = 256;

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

QHash<QString, QStringList> runMap(const QJsonObject &loopStatus)
{
    QHash<QString, QStringList> map;
    const QJsonObject byRun = loopStatus.value(u"client_message_ids_by_run_id").toObject();
    for (auto it = byRun.begin(); it != byRun.end(); ++it)
        map.insert(it.key(), stringList(it.value()));
    return map;
}

// turn_finished.error is a JSON text wrapping the LLM error; its innermost message is what a person reads.
QString errorTextOf(const QJsonValue &error)
{
    if (error.isObject())
        return net::flattenDetail(error);
    const QString text = error.toString();
    QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    while (o.value(u"error").isObject())
        o = o.value(u"error").toObject();
    const QString message = o.value(u"message").toString();
    return message.isEmpty() ? text : message;
}
} // namespace

EventAssembler::EventAssembler(QString epoch)
    : m_epoch(std::move(epoch))
{
}

LiveConversation &EventAssembler::conversation(const ConversationRef &ref)
{
    auto it = m_conversations.find(ref.key);
    if (it == m_conversations.end()) {
        it = m_conversations.insert(ref.key, LiveConversation{});
        it->ref = ref;
    }
    return *it;
}

LiveConversation *EventAssembler::conversationFor(const QJsonObject &frame)
{
    QJsonObject runtime = frame.value(u"runtime").toObject();
    if (runtime.isEmpty())
        runtime = frame; // control_request also carries agent_id/conversation_id at the top level
    const QString agentId = runtime.value(u"agent_id").toString();
    const QString conversationId = runtime.value(u"conversation_id").toString();
    if (agentId.isEmpty() && conversationId.isEmpty())
        return nullptr;
    return &conversation(ConversationRef::of(agentId, conversationId));
}

bool EventAssembler::apply(const QJsonObject &frame)
{
    const QString type = frame.value(u"type").toString();
    if (type.isEmpty())
        return false;
    // Pushes we do not record (device status, queue, subagents) and replies are fine to ignore.
    if (type != u"update_loop_status" && type != u"stream_delta" && type != u"turn_finished" && type != u"control_request")
        return true;
    LiveConversation *conv = conversationFor(frame);
    if (!conv) {
        qCWarning(lcAppServer) << "skipped a" << type << "frame without a runtime";
        return false;
    }
    if (type == u"update_loop_status") {
        applyLoopStatus(*conv, frame);
    } else if (type == u"stream_delta") {
        return applyDelta(*conv, frame);
    } else if (type == u"turn_finished") {
        applyTurnFinished(*conv, frame);
    } else {
        applyControlRequest(*conv, frame);
    }
    return true;
}

int EventAssembler::runOrder(const LiveConversation &conv, const QString &serverRunId) const
{
    // local-run-N counts up per process; other backends' ids fall back to the order we saw them in.
    static const QRegularExpression number(u"-(\\d+)$"_s);
    const auto match = number.match(serverRunId);
    if (match.hasMatch())
        return match.captured(1).toInt();
    const qsizetype index = conv.runOrder.indexOf(serverRunId);
    return index < 0 ? int(conv.runOrder.size()) : int(index);
}

LiveRun &EventAssembler::ensureRun(LiveConversation &conv, const QString &serverRunId, std::optional<qint64> atMs)
{
    auto it = m_runs.find(serverRunId);
    if (it == m_runs.end()) {
        auto run = std::make_shared<LiveRun>();
        run->serverRunId = serverRunId;
        run->conversationKey = conv.ref.key;
        run->run.agentId = conv.ref.agentId;
        run->run.conversationId = conv.ref.key;
        run->run.status = RunStatus::Running;
        run->run.statusText = conv.loopStatus;
        it = m_runs.insert(serverRunId, run);
        if (!conv.runOrder.contains(serverRunId))
            conv.runOrder.append(serverRunId);
        ++m_runsSeen;
    }
    LiveRun &run = **it;
    noteTime(run, atMs);
    resolve(run);
    return run;
}

void EventAssembler::noteTime(LiveRun &run, std::optional<qint64> atMs)
{
    if (atMs && (!run.run.createdMs || *atMs < *run.run.createdMs)) {
        run.run.createdMs = atMs;
        run.runDirty = true;
    }
}

void EventAssembler::resolve(LiveRun &run)
{
    if (!run.key.isEmpty())
        return;
    const LiveConversation &conv = m_conversations[run.conversationKey];
    const QStringList ids = conv.clientIdsByRun.value(run.serverRunId);
    if (!ids.isEmpty()) {
        run.clientMessageIds = ids;
        const int order = runOrder(conv, run.serverRunId);
        int position = 1;
        for (auto it = conv.clientIdsByRun.cbegin(); it != conv.clientIdsByRun.cend(); ++it) {
            if (it.key() != run.serverRunId && !it->isEmpty() && it->first() == ids.first() && runOrder(conv, it.key()) < order)
                ++position;
        }
        run.key = runKey(conv.ref.key, ids.first(), position);
    } else if (run.finished) {
        // The server never named a client message for this run (e.g. a scheduled run).
        run.key = fallbackRunKey(conv.ref.key, run.serverRunId, m_epoch);
    }
}

void EventAssembler::retire(LiveRun &run)
{
    const auto it = m_runs.find(run.serverRunId);
    if (it == m_runs.end())
        return;
    if (run.runDirty || !run.dirtySteps.isEmpty() || !run.dirtyMessages.isEmpty())
        m_retired.append(*it);
    m_runs.erase(it);
}

void EventAssembler::finishUnobserved(LiveRun &run, const QString &why)
{
    run.finished = true;
    run.interrupted = false;
    if (!isTerminal(run.run.status)) {
        run.run.status = RunStatus::Unknown;
        run.run.statusText = why;
    }
    run.runDirty = true;
    resolve(run);
    m_finishedOrder.push_back(run.serverRunId);
}

void EventAssembler::applyLoopStatus(LiveConversation &conv, const QJsonObject &frame)
{
    const QJsonObject status = frame.value(u"loop_status").toObject();
    const auto map = runMap(status);
    conv.loopStatus = status.value(u"status").toString();
    conv.activeRunIds = stringList(status.value(u"active_run_ids"));
    if (conv.resyncing) {
        conv.snapshot = map;
        conv.snapshotSeen = true;
        // Runs still active after the resync are judged in endResync; nothing is recorded before.
        return;
    }
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        // The same id naming other client messages is a new server process's run.
        const auto known = m_runs.find(it.key());
        if (known != m_runs.end() && !(*known)->clientMessageIds.isEmpty() && (*known)->clientMessageIds != *it) {
            finishUnobserved(**known, u"end not observed (server restarted)"_s);
            retire(**known);
        }
        conv.clientIdsByRun.insert(it.key(), *it);
        if (!conv.runOrder.contains(it.key()))
            conv.runOrder.append(it.key());
    }
    const auto at = parseTimestampMs(frame.value(u"emitted_at").toString());
    for (const QString &id : std::as_const(conv.activeRunIds)) {
        LiveRun &run = ensureRun(conv, id, at);
        if (!run.finished && run.run.statusText != conv.loopStatus) {
            run.run.statusText = conv.loopStatus;
            run.runDirty = true;
        }
    }
    // Runs waiting for their client message can now be keyed.
    for (const auto &run : std::as_const(m_runs)) {
        if (run->key.isEmpty() && run->conversationKey == conv.ref.key) {
            resolve(*run);
            run->runDirty = true;
        }
    }
}

void EventAssembler::applyTurnFinished(LiveConversation &conv, const QJsonObject &frame)
{
    const QString runId = frame.value(u"run_id").toString();
    const auto at = parseTimestampMs(frame.value(u"emitted_at").toString());
    FinishedTurn turn{conv.ref, {}, {}};
    if (!runId.isEmpty()) {
        LiveRun &last = ensureRun(conv, runId, at);
        last.turnId = frame.value(u"turn_id").toString();
        const QString stopReason = frame.value(u"stop_reason").toString();
        if (last.run.stopReason.isEmpty() && !stopReason.isEmpty())
            applyStopReason(last, stopReason, at);
        if (last.run.errorText.isEmpty() && frame.contains(u"error"))
            last.run.errorText = errorTextOf(frame.value(u"error"));
        last.runDirty = true;
        turn.clientMessageIds = last.clientMessageIds;
    }
    // Every run of the turn is over, including runs that ended without a stop reason of their own.
    QList<std::shared_ptr<LiveRun>> runs = m_runs.values();
    std::sort(runs.begin(), runs.end(), [&](const auto &a, const auto &b) {
        return runOrder(conv, a->serverRunId) < runOrder(conv, b->serverRunId);
    });
    for (const auto &run : std::as_const(runs)) {
        const bool sameTurn = run->serverRunId == runId
            || (!turn.clientMessageIds.isEmpty() && run->conversationKey == conv.ref.key
                && run->clientMessageIds.value(0) == turn.clientMessageIds.first());
        if (!sameTurn || run->finished)
            continue;
        run->finished = true;
        if (!isTerminal(run->run.status)) {
            run->run.status = RunStatus::Unknown;
            run->run.statusText = u"ended without a stop reason"_s;
        }
        run->runDirty = true;
        resolve(*run);
        turn.runKeys.append(run->key);
        m_finishedOrder.push_back(run->serverRunId);
    }
    m_finishedTurns.append(turn);
    while (m_finishedOrder.size() > kFinishedRunsKept) {
        const auto it = m_runs.find(m_finishedOrder.front());
        m_finishedOrder.pop_front();
        if (it != m_runs.end() && (*it)->finished)
            retire(**it);
    }
}

void EventAssembler::applyStopReason(LiveRun &run, const QString &stopReason, std::optional<qint64> atMs)
{
    run.run.stopReason = stopReason;
    run.run.status = runStatusForStopReason(stopReason);
    if (isTerminal(run.run.status))
        run.run.completedMs = atMs;
    run.runDirty = true;
}

int EventAssembler::activeRuns() const
{
    int active = 0;
    for (const auto &run : m_runs)
        active += run->finished ? 0 : 1;
    return active;
}

QList<FinishedTurn> EventAssembler::takeFinishedTurns()
{
    return std::exchange(m_finishedTurns, {});
}

store::WriteBatch EventAssembler::takeChanges()
{
    store::WriteBatch batch;
    for (const auto &run : std::as_const(m_retired))
        collect(*run, batch);
    m_retired.clear();
    for (const auto &run : std::as_const(m_runs))
        collect(*run, batch);
    return batch;
}

void EventAssembler::collect(LiveRun &live, store::WriteBatch &batch)
{
    if (live.key.isEmpty())
        return;
    if (live.runDirty) {
        Run run = live.run;
        run.id = live.key;
        run.raw = QJsonObject{{u"source"_s, u"live"_s}, {u"server_run_id"_s, live.serverRunId}, {u"epoch"_s, m_epoch},
                              {u"client_message_ids"_s, QJsonArray::fromStringList(live.clientMessageIds)},
                              {u"turn_id"_s, live.turnId}, {u"stop_reason"_s, run.stopReason}, {u"status"_s, run.statusText}};
        batch.runs.append(std::move(run));
        live.runDirty = false;
    }
    for (int position : std::as_const(live.dirtySteps)) {
        Step step = live.steps[position - 1];
        step.id = stepKey(live.key, position);
        step.runId = live.key;
        step.agentId = live.run.agentId;
        step.ordinal = position - 1;
        batch.steps.append(std::move(step));
    }
    live.dirtySteps.clear();
    for (qsizetype index : std::as_const(live.dirtyMessages)) {
        const LiveMessage &entry = live.messages[index];
        Message message = entry.message;
        if (entry.scope == LiveMessage::Scope::PerRun)
            message.id = live.key + u'/' + entry.localKey;
        message.runId = live.key;
        message.stepId = entry.stepPosition > 0 ? stepKey(live.key, entry.stepPosition) : QString();
        batch.messages.append(std::move(message));
    }
    live.dirtyMessages.clear();
}

void EventAssembler::connectionLost()
{
    for (const auto &run : std::as_const(m_runs)) {
        if (!run->finished)
            run->interrupted = true;
    }
}

void EventAssembler::beginResync(const ConversationRef &ref)
{
    LiveConversation &conv = conversation(ref);
    conv.resyncing = true;
    conv.snapshotSeen = false;
    conv.snapshot.clear();
}

ResyncOutcome EventAssembler::endResync(const ConversationRef &ref, bool snapshotUsable, qint64 atMs)
{
    LiveConversation &conv = conversation(ref);
    conv.resyncing = false;
    ResyncOutcome outcome;
    if (!snapshotUsable || !conv.snapshotSeen)
        return outcome;
    // The map is cumulative for a server process: if the runs we knew are missing, it restarted.
    bool knownSurvive = conv.clientIdsByRun.isEmpty();
    for (auto it = conv.clientIdsByRun.cbegin(); it != conv.clientIdsByRun.cend(); ++it)
        knownSurvive = knownSurvive || conv.snapshot.value(it.key()) == *it;
    outcome.serverRestarted = !knownSurvive;
    if (outcome.serverRestarted) {
        m_epoch = QString::number(atMs, 36);
        for (const auto &run : m_runs.values()) {
            if (!run->finished) {
                finishUnobserved(*run, u"end not observed (server restarted)"_s);
                outcome.unobservedEnds.append(run->key);
            }
            retire(*run);
        }
        for (LiveConversation &other : m_conversations)
            other.clientIdsByRun.clear();
    } else {
        for (auto it = conv.snapshot.cbegin(); it != conv.snapshot.cend(); ++it) {
            if (!conv.clientIdsByRun.contains(it.key()) && !m_runs.contains(it.key()))
                outcome.missedRunIds.append(it.key());
        }
        for (const auto &run : m_runs.values()) {
            if (run->conversationKey != conv.ref.key || !run->interrupted)
                continue;
            if (conv.activeRunIds.contains(run->serverRunId)) {
                run->interrupted = false;
                continue;
            }
            finishUnobserved(*run, u"end not observed (recording gap)"_s);
            outcome.unobservedEnds.append(run->key);
        }
    }
    conv.clientIdsByRun = conv.snapshot;
    for (const QString &id : conv.snapshot.keys()) {
        if (!conv.runOrder.contains(id))
            conv.runOrder.append(id);
    }
    std::sort(outcome.missedRunIds.begin(), outcome.missedRunIds.end(),
              [&](const QString &a, const QString &b) { return runOrder(conv, a) < runOrder(conv, b); });
    // Runs active in the snapshot (a turn in progress) are recorded from here on; when they started
    // is unknown, so their creation time stays empty until an event dates them.
    for (const QString &id : std::as_const(conv.activeRunIds))
        ensureRun(conv, id, std::nullopt);
    return outcome;
}

void EventAssembler::recordingStopped()
{
    for (const auto &run : std::as_const(m_runs)) {
        if (!run->finished)
            finishUnobserved(*run, u"end not observed (recording stopped)"_s);
    }
}

} // namespace lettascope::appserver
