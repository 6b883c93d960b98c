// SPDX-License-Identifier: MIT
#pragma once

#include "liverun.h"
#include "store/writebatch.h"

#include <QJsonObject>

#include <deque>
#include <memory>

namespace lettascope::appserver {

/// A turn the server finished (turn_finished): the recorder fetches its stored messages afterwards.
struct FinishedTurn {
    ConversationRef conversation;
    QStringList clientMessageIds;
    QStringList runKeys;
};

/// What a resubscription after a dropped connection revealed about one conversation.
struct ResyncOutcome {
    QStringList missedRunIds;       ///< server runs that started and ended while disconnected
    QStringList unobservedEnds;     ///< cache ids of runs whose end happened while disconnected
    bool serverRestarted = false;   ///< the runs we knew are gone: a new server process
};

/**
 * Turns App Server frames into runs, steps and messages. Pure and single-threaded: the recorder
 * feeds it on its own thread, tests replay captured frames into it.
 *
 * Runs come from run ids (update_loop_status, stream_delta, turn_finished) and are keyed by turn
 * (messageids.h) once the loop status names their client message; steps come from
 * usage_statistics (one per LLM call); messages from assistant/reasoning deltas (accumulated per
 * message id), approval requests, tool returns, approval decisions (auto, or inferred from the tool
 * starting), errors, retries and loop errors, which the server does not keep in its history.
 */
class EventAssembler
{
public:
    explicit EventAssembler(QString epoch);

    /// Applies one frame; false for a frame too malformed to use (it changes nothing).
    bool apply(const QJsonObject &frame);

    /// Everything that changed since the last call, with final ids. Runs whose key is not known yet
    /// stay pending.
    store::WriteBatch takeChanges();
    QList<FinishedTurn> takeFinishedTurns();

    /// The connection dropped: runs active now are marked interrupted until a resync judges them.
    void connectionLost();
    /// A sync for this conversation is about to be sent: its replayed loop status is a snapshot.
    void beginResync(const ConversationRef &conversation);
    /// The sync was answered (or failed: `snapshotUsable` false).
    ResyncOutcome endResync(const ConversationRef &conversation, bool snapshotUsable, qint64 atMs);
    /// Recording stops: runs still active end as "not observed" rather than running forever.
    void recordingStopped();

    QString epoch() const { return m_epoch; }
    int activeRuns() const;
    qint64 runsSeen() const { return m_runsSeen; }

private:
    LiveConversation &conversation(const ConversationRef &ref);
    LiveConversation *conversationFor(const QJsonObject &frame);
    LiveRun &ensureRun(LiveConversation &conv, const QString &serverRunId, std::optional<qint64> atMs);
    void resolve(LiveRun &run);
    void retire(LiveRun &run);
    void finishUnobserved(LiveRun &run, const QString &why);
    void noteTime(LiveRun &run, std::optional<qint64> atMs);
    void applyLoopStatus(LiveConversation &conv, const QJsonObject &frame);
    void applyTurnFinished(LiveConversation &conv, const QJsonObject &frame);
    void applyControlRequest(LiveConversation &conv, const QJsonObject &frame);
    bool applyDelta(LiveConversation &conv, const QJsonObject &frame);
    void applyLlmText(LiveRun &run, const QJsonObject &delta, const QString &type, std::optional<qint64> atMs);
    void applyToolMessage(LiveRun &run, LiveConversation &conv, const QJsonObject &delta);
    void applyUsage(LiveRun &run, const QJsonObject &delta);
    void applyStopReason(LiveRun &run, const QString &stopReason, std::optional<qint64> atMs);
    void applyApprovalClassification(LiveRun &run, const QJsonObject &delta, std::optional<qint64> atMs);
    void applyToolLifecycle(LiveRun &run, const QJsonObject &delta, std::optional<qint64> atMs);
    void addLiveOnly(LiveRun &run, Message message);
    void addApprovalDecision(LiveRun &run, const QString &toolCallId, bool approved, const QString &reason,
                             std::optional<qint64> atMs);
    LiveMessage &upsertMessage(LiveRun &run, const QString &localKey, LiveMessage::Scope scope);
    void collect(LiveRun &run, store::WriteBatch &batch);
    int runOrder(const LiveConversation &conv, const QString &serverRunId) const;

    QString m_epoch;
    QHash<QString, LiveConversation> m_conversations;   ///< by conversation key
    QHash<QString, std::shared_ptr<LiveRun>> m_runs;    ///< this process's runs, by server run id
    std::deque<QString> m_finishedOrder;                ///< finished runs, oldest first, for eviction
    QList<std::shared_ptr<LiveRun>> m_retired;          ///< dropped runs with unwritten changes
    QList<FinishedTurn> m_finishedTurns;
    qint64 m_runsSeen = 0;
};

} // namespace lettascope::appserver
