// SPDX-License-Identifier: MIT
#include "jobcompletion.h"

#include "net/retrypolicy.h"
#include "trajectories/processing/enrichmentwriter.h"
#include "store/sqlite.h"
#include "trajectories/metacounter.h"

#include <QStringList>

#include <bit>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;

namespace {

struct JobRow {
    bool found = false;
    QString state;
    qint64 claim = 0;
    QString contentHash;
};

Result<JobRow> readJob(Database &db, qint64 jobId)
{
    auto stmt = db.cached("SELECT j.state, j.claim, t.content_hash FROM processing_jobs j "
                          "LEFT JOIN trajectories t ON t.rowid = j.trajectory_id WHERE j.id = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, jobId);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    JobRow job;
    if (*row)
        job = JobRow{true, (*stmt)->text(0), (*stmt)->int64(1), (*stmt)->text(2)};
    (*stmt)->reset();
    return job;
}

Status updateJob(Database &db, qint64 jobId, const QString &state, StageMask stages, qint64 nextAttemptMs,
                 const QString &error, double progress, qint64 nowMs)
{
    auto stmt = db.cached("UPDATE processing_jobs SET state = ?2, stages = ?3, next_attempt_ms = ?4, last_error = ?5, "
                          "progress = ?6, updated_ms = ?7, claim = 0, "
                          "finished_ms = CASE WHEN ?2 = 'queued' THEN NULL ELSE ?7 END WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, jobId).bind(2, state).bind(3, qint64(stages)).bind(4, nextAttemptMs).bind(5, error);
    (*stmt)->bind(6, progress).bind(7, nowMs);
    return (*stmt)->run();
}

Status completeOne(Database &db, const JobOutcome &outcome, qint64 nowMs, const RetryTiming &timing, qint64 rowSeq,
                   qint64 embeddingSeq)
{
    auto job = readJob(db, outcome.job.id);
    if (!job)
        return job.error();
    if (!job->found || job->state != u"running" || job->claim != outcome.job.claim)
        return success(); // cancelled or re-claimed meanwhile: a stale result is dropped
    const qint64 jobId = outcome.job.id;
    if (outcome.trajectoryMissing || job->contentHash != outcome.inputHash) {
        const QString why = outcome.trajectoryMissing ? u"the trajectory no longer exists"_s
                                                      : u"superseded: the run changed and its trajectory was rebuilt"_s;
        return updateJob(db, jobId, u"cancelled"_s, outcome.job.stages, nowMs, why, 0, nowMs);
    }

    EnrichmentWriter writer(db);
    StageMask failed = 0;
    bool permanent = false;
    std::optional<qint64> retryAfter;
    QStringList errors;
    for (const StageResult &result : outcome.results) {
        if (auto s = writer.apply(outcome.job.trajectoryId, result, outcome.inputHash, rowSeq, embeddingSeq); !s)
            return s;
        if (result.ok)
            continue;
        failed |= stageBit(result.stage);
        permanent = permanent || !result.retryable;
        if (result.retryAfterMs)
            retryAfter = std::max(retryAfter.value_or(0), *result.retryAfterMs);
        errors << stageKey(result.stage) + u": "_s + result.error;
    }
    const int claimed = std::popcount(outcome.job.stages);
    const double progress = claimed == 0 ? 1.0 : double(claimed - std::popcount(failed)) / claimed;
    const bool requeue = failed != 0 && !permanent && outcome.job.attempts < outcome.job.maxAttempts;
    Status status = success();
    if (failed == 0) {
        status = updateJob(db, jobId, u"succeeded"_s, 0, nowMs, QString(), 1.0, nowMs);
    } else if (requeue) {
        const qint64 delay = std::max(net::backoffDelayMs(outcome.job.attempts, timing.baseMs, timing.maxMs),
                                      retryAfter.value_or(0));
        status = updateJob(db, jobId, u"queued"_s, failed, nowMs + delay, errors.join(u"; "_s), progress, nowMs);
    } else {
        const QString why = permanent ? errors.join(u"; "_s)
                                      : u"gave up after %1 attempts: %2"_s.arg(outcome.job.attempts).arg(errors.join(u"; "_s));
        status = updateJob(db, jobId, u"failed"_s, failed, nowMs, why, progress, nowMs);
    }
    if (!status)
        return status;
    return writer.refreshProcessingState(outcome.job.trajectoryId, rowSeq, requeue, nowMs);
}

} // namespace

Result<store::ChangeSet> completeJobs(Database &db, const QList<JobOutcome> &outcomes, qint64 nowMs,
                                      const RetryTiming &timing)
{
    store::ChangeSet changes;
    if (outcomes.isEmpty())
        return changes;
    auto rowSeq = bumpMetaCounter(db, kRowSeqKey);
    if (!rowSeq)
        return rowSeq.error();
    auto embeddingSeq = bumpMetaCounter(db, kEmbeddingSeqKey);
    if (!embeddingSeq)
        return embeddingSeq.error();
    for (const JobOutcome &outcome : outcomes) {
        if (auto s = completeOne(db, outcome, nowMs, timing, *rowSeq, *embeddingSeq); !s)
            return s.error();
    }
    changes.kinds = store::ChangeSet::Trajectories | store::ChangeSet::ProcessingJobs;
    return changes;
}

Status setJobProgress(Database &db, qint64 jobId, qint64 claim, double progress, qint64 nowMs)
{
    auto stmt = db.cached("UPDATE processing_jobs SET progress = ?3, updated_ms = ?4 WHERE id = ?1 AND claim = ?2 "
                          "AND state = 'running'");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, jobId).bind(2, claim).bind(3, progress).bind(4, nowMs);
    return (*stmt)->run();
}

} // namespace lettascope::trajectories
