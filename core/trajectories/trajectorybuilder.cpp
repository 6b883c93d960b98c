// SPDX-License-Identifier: MIT
#include "trajectorybuilder.h"

#include "common/logging.h"
#include "converter.h"
#include "metacounter.h"
#include "store/eachrow.h"
#include "store/queries/detailqueries.h"
#include "store/queries/rowdecode.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectoryrecord.h"
#include "trajectorywriter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;

namespace {

struct Cursor {
    qint64 seq = 0;
    qint64 rowId = 0;
};

struct Batch {
    QList<TrajectoryRecord> records;
    Cursor end;
};

struct BatchCounts {
    qint64 created = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 queued = 0;
};

// The next batch of finished runs after `from` in (change_seq, rowid) order, converted.
Result<Batch> readBatch(Database &db, const Cursor &from, int limit)
{
    const QByteArray sql = "SELECT r.server_id, r.change_seq, r.rowid, " + QByteArray(store::kRunColumns)
        + " FROM runs r WHERE (r.change_seq > ?1 OR (r.change_seq = ?1 AND r.rowid > ?2)) "
          "AND r.status IN ('completed', 'failed', 'cancelled') ORDER BY r.change_seq, r.rowid LIMIT ?3";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, from.seq).bind(2, from.rowId).bind(3, limit);
    struct Found {
        qint64 serverId;
        qint64 seq;
        Run run;
    };
    QList<Found> runs;
    Batch batch;
    batch.end = from;
    auto status = store::eachRow(*stmt, [&runs, &batch](const store::Statement &s) {
        Found found{s.int64(0), s.int64(1), {}};
        batch.end = Cursor{found.seq, s.int64(2)};
        store::decodeRun(s, 3, found.run);
        runs << std::move(found);
    });
    if (!status)
        return status.error();
    for (const Found &f : runs) {
        auto steps = store::stepsForRun(db, f.serverId, f.run.id);
        if (!steps)
            return steps.error();
        auto messages = store::messagesForRun(db, f.serverId, f.run.id);
        if (!messages)
            return messages.error();
        TrajectoryRecord record = recordFromData(f.serverId, f.run.agentId, convertRun(f.run, *steps, *messages));
        record.sourceSeq = f.seq;
        batch.records << std::move(record);
    }
    return batch;
}

QFuture<Result<store::ChangeSet>> writeBatch(store::StoreWriter &writer, Batch batch, qint64 watermark,
                                             const BuildOptions &options, std::shared_ptr<BatchCounts> counts)
{
    const bool enqueue = options.enqueueProcessing;
    const int maxAttempts = options.maxAttempts;
    return writer.transact([batch = std::move(batch), watermark, enqueue, maxAttempts, counts](Database &db)
                               -> Result<store::ChangeSet> {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto rowSeq = bumpMetaCounter(db, kRowSeqKey);
        if (!rowSeq)
            return rowSeq.error();
        TrajectoryWriter trajectories(db);
        QList<qint64> changed;
        BatchCounts local;
        for (const TrajectoryRecord &record : batch.records) {
            auto upserted = trajectories.upsert(record, *rowSeq, now);
            if (!upserted)
                return upserted.error();
            if (upserted->contentChanged)
                changed << upserted->rowId;
            (upserted->inserted ? local.created : upserted->contentChanged ? local.updated : local.unchanged)++;
        }
        if (enqueue && !changed.isEmpty()) {
            auto queued = jobqueue::enqueue(db, changed, AllStages, maxAttempts, now);
            if (!queued)
                return queued.error();
            local.queued = *queued;
        }
        if (auto s = writeMetaCounter(db, kBuildSeqKey, watermark); !s)
            return s.error();
        *counts = local;
        store::ChangeSet changes;
        if (!changed.isEmpty())
            changes.kinds = store::ChangeSet::Trajectories | (local.queued ? store::ChangeSet::ProcessingJobs : 0u);
        return changes;
    });
}

} // namespace

TrajectoryBuilder::TrajectoryBuilder(store::StoreWriter &writer) : m_writer(writer) { }

BuildReport TrajectoryBuilder::build(const BuildOptions &options)
{
    BuildReport report;
    QElapsedTimer clock;
    clock.start();
    auto db = Database::open(m_writer.path(), Database::Mode::ReadOnly);
    if (!db) {
        report.error = db.error();
        return report;
    }
    Cursor cursor;
    if (!options.rebuildAll) {
        auto watermark = readMetaCounter(*db, kBuildSeqKey);
        if (!watermark) {
            report.error = watermark.error();
            return report;
        }
        cursor.seq = *watermark;
        cursor.rowId = std::numeric_limits<qint64>::max(); // everything at the watermark's seq is done
    }

    // One batch is written while the next is read and converted.
    QFuture<Result<store::ChangeSet>> inFlight;
    auto inFlightCounts = std::make_shared<BatchCounts>();
    auto land = [&]() -> bool {
        if (!inFlight.isValid())
            return true;
        const Result<store::ChangeSet> written = inFlight.result();
        inFlight = {};
        if (!written) {
            report.error = written.error();
            return false;
        }
        report.created += inFlightCounts->created;
        report.updated += inFlightCounts->updated;
        report.unchanged += inFlightCounts->unchanged;
        report.queued += inFlightCounts->queued;
        return true;
    };
    while (true) {
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            break;
        }
        auto batch = readBatch(*db, cursor, std::max(1, options.batchSize));
        if (!batch) {
            report.error = batch.error();
            break;
        }
        if (batch->records.isEmpty())
            break;
        const qint64 count = batch->records.size();
        // Everything below the batch's last seq is done; runs sharing that seq may continue next batch.
        const qint64 watermark = batch->records.size() < options.batchSize ? batch->end.seq : batch->end.seq - 1;
        cursor = batch->end;
        if (!land())
            break;
        inFlightCounts = std::make_shared<BatchCounts>();
        inFlight = writeBatch(m_writer, std::move(batch).value(), std::max<qint64>(watermark, 0), options, inFlightCounts);
        report.runsSeen += count;
        if (options.progress)
            options.progress(report.runsSeen);
    }
    land();
    report.elapsedMs = clock.elapsed();
    qCDebug(lcTrajectories) << "built" << report.runsSeen << "runs in" << report.elapsedMs << "ms:" << report.created
                            << "new," << report.updated << "changed," << report.unchanged << "unchanged";
    return report;
}

} // namespace lettascope::trajectories
