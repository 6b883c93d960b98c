// SPDX-License-Identifier: MIT
#include "jobqueue.h"

#include "store/eachrow.h"
#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;
using store::Statement;

QString jobStateKey(JobState state)
{
    switch (state) {
    case JobState::Queued: return u"queued"_s;
    case JobState::Running: return u"running"_s;
    case JobState::Succeeded: return u"succeeded"_s;
    case JobState::Failed: return u"failed"_s;
    case JobState::Cancelled: return u"cancelled"_s;
    }
    return {};
}

std::optional<JobState> jobStateFromKey(QStringView key)
{
    for (auto state : {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled}) {
        if (key == jobStateKey(state))
            return state;
    }
    return std::nullopt;
}

namespace jobqueue {

namespace {

Result<qint64> runCounting(Database &db, Statement &stmt)
{
    if (auto s = stmt.run(); !s)
        return s.error();
    return qint64(db.changes());
}

// "id IN (…)" for a list of ids, or "1" (every row) for an empty list.
QByteArray idFilter(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return "1";
    QByteArray list;
    for (qint64 id : ids)
        list += (list.isEmpty() ? "" : ",") + QByteArray::number(id);
    return "id IN (" + list + ')';
}

Result<qint64> execCounting(Database &db, const QByteArray &sql, const std::function<void(Statement &)> &bind)
{
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    bind(*stmt);
    return runCounting(db, *stmt);
}

} // namespace

Result<qint64> enqueue(Database &db, const QList<qint64> &trajectoryIds, StageMask stages, int maxAttempts, qint64 nowMs)
{
    // Finished jobs of a trajectory are superseded by the new one: the queue stays one row per trajectory.
    auto prune = db.cached("DELETE FROM processing_jobs WHERE trajectory_id = ?1 AND state IN ('succeeded', 'failed', 'cancelled')");
    auto widen = db.cached("UPDATE processing_jobs SET stages = stages | ?2, attempts = 0, max_attempts = ?3, "
                           "next_attempt_ms = ?4, updated_ms = ?4, last_error = NULL WHERE trajectory_id = ?1 AND state = 'queued'");
    auto insert = db.cached("INSERT INTO processing_jobs(trajectory_id, stages, state, max_attempts, next_attempt_ms, "
                            "created_ms, updated_ms) VALUES (?1, ?2, 'queued', ?3, ?4, ?4, ?4)");
    if (!prune)
        return prune.error();
    if (!widen)
        return widen.error();
    if (!insert)
        return insert.error();
    qint64 count = 0;
    for (qint64 id : trajectoryIds) {
        (*prune)->bind(1, id);
        if (auto s = (*prune)->run(); !s)
            return s.error();
        (*widen)->bind(1, id).bind(2, qint64(stages)).bind(3, maxAttempts).bind(4, nowMs);
        if (auto s = (*widen)->run(); !s)
            return s.error();
        if (db.changes() == 0) {
            (*insert)->bind(1, id).bind(2, qint64(stages)).bind(3, maxAttempts).bind(4, nowMs);
            if (auto s = (*insert)->run(); !s)
                return s.error();
        }
        ++count;
    }
    return count;
}

Result<qint64> enqueueAll(Database &db, StageMask stages, bool missingOnly, const QString &embeddingModelKey,
                          int maxAttempts, qint64 nowMs)
{
    QByteArray selection = "1";
    if (missingOnly && stages == stageBit(Stage::Embedding))
        selection = "NOT EXISTS (SELECT 1 FROM trajectory_embeddings e WHERE e.model_key = ?4 AND e.trajectory_id = t.rowid)";
    else if (missingOnly)
        selection = "t.processing_state = 'pending'";
    const QByteArray open = "EXISTS (SELECT 1 FROM processing_jobs o WHERE o.trajectory_id = t.rowid AND o.state IN ('queued', 'running'))";
    auto bind = [&](Statement &s) {
        s.bind(1, qint64(stages)).bind(2, maxAttempts).bind(3, nowMs);
        if (selection.contains("?4"))
            s.bind(4, embeddingModelKey);
    };
    auto pruned = execCounting(db, "DELETE FROM processing_jobs WHERE state IN ('succeeded', 'failed', 'cancelled') AND "
                               "trajectory_id IN (SELECT t.rowid FROM trajectories t WHERE " + selection + ")",
                               bind);
    if (!pruned)
        return pruned.error();
    auto widened = execCounting(db, "UPDATE processing_jobs SET stages = stages | ?1, attempts = 0, max_attempts = ?2, "
                                "next_attempt_ms = ?3, updated_ms = ?3, last_error = NULL WHERE state = 'queued' AND "
                                "trajectory_id IN (SELECT t.rowid FROM trajectories t WHERE " + selection + ")",
                                bind);
    if (!widened)
        return widened.error();
    // A trajectory with a running job gets nothing new unless everything was asked for.
    auto inserted = execCounting(db, "INSERT INTO processing_jobs(trajectory_id, stages, state, max_attempts, "
                                 "next_attempt_ms, created_ms, updated_ms) SELECT t.rowid, ?1, 'queued', ?2, ?3, ?3, ?3 "
                                 "FROM trajectories t WHERE " + selection + " AND NOT " + open + " ORDER BY t.rowid",
                                 bind);
    if (!inserted)
        return inserted.error();
    return *widened + *inserted;
}

Result<QList<ClaimedJob>> claim(Database &db, int limit, qint64 nowMs, qint64 claimToken)
{
    auto stmt = db.cached(
        "UPDATE processing_jobs SET state = 'running', claim = ?3, attempts = attempts + 1, updated_ms = ?1, "
        "started_ms = COALESCE(started_ms, ?1) WHERE id IN (SELECT id FROM processing_jobs WHERE state = 'queued' "
        "AND next_attempt_ms <= ?1 ORDER BY next_attempt_ms, id LIMIT ?2) "
        "RETURNING id, trajectory_id, stages, attempts, max_attempts");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, nowMs).bind(2, limit).bind(3, claimToken);
    QList<ClaimedJob> jobs;
    auto status = store::eachRow(**stmt, [&jobs, claimToken](const Statement &s) {
        jobs << ClaimedJob{s.int64(0), s.int64(1), StageMask(s.int64(2)), int(s.int64(3)), int(s.int64(4)), claimToken};
    });
    (*stmt)->reset();
    if (!status)
        return status.error();
    std::sort(jobs.begin(), jobs.end(), [](const ClaimedJob &a, const ClaimedJob &b) { return a.id < b.id; });
    return jobs;
}

Result<qint64> release(Database &db, const QList<qint64> &jobIds, qint64 claimToken, qint64 nowMs)
{
    if (jobIds.isEmpty())
        return qint64(0);
    return execCounting(db, "UPDATE processing_jobs SET state = 'queued', claim = 0, attempts = max(0, attempts - 1), "
                            "updated_ms = ?1 WHERE state = 'running' AND claim = ?2 AND " + idFilter(jobIds),
                        [nowMs, claimToken](Statement &s) { s.bind(1, nowMs).bind(2, claimToken); });
}

Result<qint64> requeueInterrupted(Database &db, qint64 nowMs)
{
    return execCounting(db, "UPDATE processing_jobs SET state = 'queued', claim = 0, next_attempt_ms = ?1, updated_ms = ?1, "
                            "last_error = 'interrupted: Lettascope stopped while this job ran' WHERE state = 'running'",
                        [nowMs](Statement &s) { s.bind(1, nowMs); });
}

Result<qint64> cancel(Database &db, const QList<qint64> &jobIds, qint64 nowMs)
{
    return execCounting(db, "UPDATE processing_jobs SET state = 'cancelled', claim = 0, updated_ms = ?1, finished_ms = ?1 "
                            "WHERE state IN ('queued', 'running') AND " + idFilter(jobIds),
                        [nowMs](Statement &s) { s.bind(1, nowMs); });
}

Result<qint64> retry(Database &db, const QList<qint64> &jobIds, qint64 nowMs)
{
    const QByteArray states = jobIds.isEmpty() ? "('failed')" : "('failed', 'cancelled')";
    return execCounting(db, "UPDATE processing_jobs SET state = 'queued', attempts = 0, claim = 0, next_attempt_ms = ?1, "
                            "updated_ms = ?1, finished_ms = NULL WHERE state IN " + states + " AND " + idFilter(jobIds),
                        [nowMs](Statement &s) { s.bind(1, nowMs); });
}

Result<std::optional<qint64>> nextDueMs(Database &db)
{
    auto stmt = db.cached("SELECT min(next_attempt_ms) FROM processing_jobs WHERE state = 'queued'");
    if (!stmt)
        return stmt.error();
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const auto value = (*stmt)->optionalInt64(0);
    (*stmt)->reset();
    return value;
}

Result<QueueStats> stats(Database &db)
{
    auto stmt = db.cached("SELECT state, count(*) FROM processing_jobs GROUP BY state");
    if (!stmt)
        return stmt.error();
    QueueStats stats;
    auto status = store::eachRow(**stmt, [&stats](const Statement &s) {
        const qint64 n = s.int64(1);
        switch (jobStateFromKey(s.text(0)).value_or(JobState::Failed)) {
        case JobState::Queued: stats.queued = n; break;
        case JobState::Running: stats.running = n; break;
        case JobState::Succeeded: stats.succeeded = n; break;
        case JobState::Failed: stats.failed += n; break;
        case JobState::Cancelled: stats.cancelled = n; break;
        }
    });
    if (!status)
        return status.error();
    (*stmt)->reset();
    return stats;
}

Result<QList<ProcessingJob>> list(Database &db, qint64 limit)
{
    auto stmt = db.prepare(
        "SELECT j.id, j.trajectory_id, t.id, t.run_id, j.stages, j.state, j.attempts, j.max_attempts, j.next_attempt_ms, "
        "j.last_error, j.progress, j.created_ms, j.updated_ms, j.started_ms, j.finished_ms "
        "FROM processing_jobs j JOIN trajectories t ON t.rowid = j.trajectory_id "
        "ORDER BY CASE j.state WHEN 'running' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END, "
        "CASE WHEN j.state = 'queued' THEN j.next_attempt_ms ELSE -j.updated_ms END, j.id DESC LIMIT ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, limit);
    QList<ProcessingJob> jobs;
    auto status = store::eachRow(*stmt, [&jobs](const Statement &s) {
        ProcessingJob job;
        int c = 0;
        job.id = s.int64(c++);
        job.trajectoryId = s.int64(c++);
        job.trajectoryKey = s.text(c++);
        job.runId = s.text(c++);
        job.stages = StageMask(s.int64(c++));
        job.state = jobStateFromKey(s.text(c++)).value_or(JobState::Failed);
        job.attempts = int(s.int64(c++));
        job.maxAttempts = int(s.int64(c++));
        job.nextAttemptMs = s.int64(c++);
        job.lastError = s.text(c++);
        job.progress = s.real(c++);
        job.createdMs = s.int64(c++);
        job.updatedMs = s.int64(c++);
        job.startedMs = s.optionalInt64(c++);
        job.finishedMs = s.optionalInt64(c++);
        jobs << job;
    });
    if (!status)
        return status.error();
    return jobs;
}

} // namespace jobqueue

} // namespace lettascope::trajectories
