// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "interrupt.h"
#include "trajectorycommands.h"
#include "trajectoryoptions.h"

#include "session/opencache.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>


using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

namespace {

// Jobs this run finished, by state (the queue also holds older rows).
Result<QueueStats> finishedSince(store::Database &db, qint64 sinceMs)
{
    auto stmt = db.prepare("SELECT sum(state = 'succeeded'), sum(state = 'failed'), sum(state = 'cancelled') "
                           "FROM processing_jobs WHERE updated_ms >= ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sinceMs);
    auto row = stmt->step();
    if (!row)
        return row.error();
    QueueStats stats;
    stats.succeeded = stmt->int64(0);
    stats.failed = stmt->int64(1);
    stats.cancelled = stmt->int64(2);
    return stats;
}

Status enqueue(store::StoreWriter &writer, bool all, StageMask stages, const ProcessingConfig &config)
{
    const QString modelKey = config.embeddingModelKey();
    const int attempts = config.maxAttempts;
    auto queued = writer.transact([all, stages, modelKey, attempts](store::Database &db) -> Result<store::ChangeSet> {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Without --all: what was never processed, and embeddings missing for the active model.
        auto first = jobqueue::enqueueAll(db, all ? stages : AllStages, !all, modelKey, attempts, now);
        if (!first)
            return first.error();
        if (!all) {
            auto embeddings = jobqueue::enqueueAll(db, stageBit(Stage::Embedding), true, modelKey, attempts, now);
            if (!embeddings)
                return embeddings.error();
        }
        store::ChangeSet changes;
        changes.kinds = store::ChangeSet::ProcessingJobs;
        return changes;
    }).result();
    if (!queued)
        return queued.error();
    return success();
}

} // namespace

int trajectoriesProcess(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Run the processing queue until it is empty: summary, learning-value score, "
                                     "labels, embedding and decisions for every queued trajectory. Uses the local "
                                     "(offline) backend unless an OpenAI-compatible endpoint is configured or given. "
                                     "Progress goes to standard error."_s);
    parser.addOptions({{u"all"_s, u"Re-process every trajectory, not only new ones."_s},
                       {u"stages"_s, u"With --all: only these stages (summary,score,labels,embedding,decisions)."_s, u"LIST"_s, u"all"_s},
                       {u"json"_s, u"Print the outcome as JSON."_s},
                       {u"quiet"_s, u"No progress on standard error."_s}});
    addBackendOptions(parser);
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    QString bad;
    const auto stages = stageMaskFromKeys(parser.value(u"stages"_s), &bad);
    if (!stages || *stages == 0)
        return context.usageError(u"--stages: unknown stage '%1'"_s.arg(bad));
    auto config = configFrom(parser);
    if (!config)
        return context.usageError(config.error().message);
    auto key = apiKeyFor(*config);
    if (!key)
        return context.fail(key.error().message);
    const QString path = cachePath(context.options());
    if (!QFileInfo::exists(path))
        return context.fail(u"no cache at %1; run 'lettascope-cli sync --server URL' first"_s.arg(path));
    store::StoreWriter writer;
    if (auto opened = session::openCache(writer, path); !opened)
        return context.fail(opened.error().message);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    if (auto queued = enqueue(writer, parser.isSet(u"all"_s), *stages, *config); !queued)
        return context.fail(queued.error().toString());
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!db)
        return context.fail(db.error().message);

    JobRunner runner(writer, makeBackends(*config, *key), runnerConfigFor(*config));
    if (auto started = runner.start(); !started)
        return context.fail(started.error().toString());
    installInterruptHandler();
    const std::atomic_bool &interrupted = interruptFlag();
    const bool quiet = parser.isSet(u"quiet"_s);
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    QueueStats last;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const auto open = jobqueue::stats(*db);
        const auto done = finishedSince(*db, startMs);
        if (!open || !done)
            return;
        last = *done;
        last.queued = open->queued;
        last.running = open->running;
        if (!quiet) {
            const double rate = double(done->succeeded + done->failed) / std::max<qint64>(1, clock.elapsed()) * 1000.0;
            context.err() << u"\rprocessing: %1 done, %2 failed, %3 to go (%4/s)   "_s.arg(done->succeeded).arg(done->failed)
                                 .arg(open->open()).arg(rate, 0, 'f', 0);
            context.err().flush();
        }
        if (open->open() == 0 || interrupted)
            loop.quit();
    });
    tick.start(200);
    loop.exec();
    runner.stop();
    if (!quiet) {
        context.err() << u"\n"_s;
        context.err().flush();
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (parser.isSet(u"json"_s)) {
        context.printJson(QJsonObject{{u"succeeded"_s, double(last.succeeded)}, {u"failed"_s, double(last.failed)},
                                      {u"queued"_s, double(last.queued + last.running)}, {u"seconds"_s, seconds},
                                      {u"per_second"_s, seconds > 0 ? double(last.succeeded + last.failed) / seconds : 0.0},
                                      {u"interrupted"_s, bool(interrupted)}});
    } else {
        context.out() << u"processed %1 trajectories in %2 s (%3 failed)\n"_s.arg(last.succeeded + last.failed)
                             .arg(seconds, 0, 'f', 1).arg(last.failed);
        context.out().flush();
    }
    if (interrupted)
        return context.fail(u"interrupted; queued jobs stay queued and resume on the next run"_s);
    if (last.failed > 0)
        return context.fail(u"%1 job(s) failed; see 'lettascope-cli trajectories jobs'"_s.arg(last.failed));
    return ExitOk;
}

} // namespace lettascope::cli
