// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "trajectorycommands.h"
#include "trajectoryoptions.h"

#include "common/timestamps.h"
#include "session/opencache.h"
#include "store/storewriter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/scoretext.h"
#include "trajectories/trajectoryjson.h"
#include "trajectories/trajectoryqueries.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

int trajectoriesList(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List trajectories, newest first (or by --sort)."_s);
    addFilterOptions(parser);
    parser.addOptions({{u"sort"_s, u"created (default), score, steps, tokens, status or agent."_s, u"KEY"_s, u"created"_s},
                       {u"ascending"_s, u"Smallest first."_s},
                       {u"limit"_s, u"At most this many (default 50)."_s, u"N"_s, u"50"_s},
                       {u"offset"_s, u"Skip this many."_s, u"N"_s, u"0"_s},
                       {u"json"_s, u"Print one JSON array."_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto filters = filtersFrom(parser, view->serverId);
    if (!filters)
        return context.usageError(filters.error().message);
    auto limit = limitFrom(parser);
    if (!limit)
        return context.usageError(limit.error().message);
    static const QHash<QString, TrajectoryQuery::Sort> sorts{
        {u"created"_s, TrajectoryQuery::Sort::Created}, {u"score"_s, TrajectoryQuery::Sort::Score},
        {u"steps"_s, TrajectoryQuery::Sort::Steps},     {u"tokens"_s, TrajectoryQuery::Sort::Tokens},
        {u"status"_s, TrajectoryQuery::Sort::Status},   {u"agent"_s, TrajectoryQuery::Sort::Agent}};
    if (!sorts.contains(parser.value(u"sort"_s)))
        return context.usageError(u"--sort must be created, score, steps, tokens, status or agent"_s);
    TrajectoryQuery query;
    query.filters = *filters;
    query.sort = sorts.value(parser.value(u"sort"_s));
    query.descending = !parser.isSet(u"ascending"_s);
    query.limit = *limit;
    query.offset = std::max(0LL, parser.value(u"offset"_s).toLongLong());
    auto rows = listTrajectories(view->db, query);
    if (!rows)
        return context.fail(rows.error().toString());
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const TrajectoryRow &row : *rows)
            array.append(rowJson(row));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> table;
    for (const TrajectoryRow &r : *rows) {
        table << QStringList{r.runId, r.executionStatus, scoreText(r.score), r.agentName.isEmpty() ? r.agentId : r.agentName,
                             QString::number(r.stepCount), r.createdMs ? formatTimestampMs(*r.createdMs) : u"-"_s,
                             r.tags.join(u','), r.summary.section(u'\n', 0, 0)};
    }
    context.printTable({u"RUN"_s, u"STATUS"_s, u"SCORE"_s, u"AGENT"_s, u"STEPS"_s, u"CREATED"_s, u"TAGS"_s, u"SUMMARY"_s}, table);
    return ExitOk;
}

int trajectoriesJobs(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show the processing queue (open jobs first), or act on it."_s);
    parser.addOptions({{u"retry-failed"_s, u"Queue every failed job again."_s},
                       {u"cancel-all"_s, u"Cancel every queued or running job."_s},
                       {u"limit"_s, u"At most this many rows (default 50)."_s, u"N"_s, u"50"_s},
                       {u"json"_s, u"Print {stats, jobs} as JSON."_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    auto limit = limitFrom(parser);
    if (!limit)
        return context.usageError(limit.error().message);
    if (parser.isSet(u"retry-failed"_s) || parser.isSet(u"cancel-all"_s)) {
        store::StoreWriter writer;
        if (auto opened = session::openCache(writer, cachePath(context.options())); !opened)
            return context.fail(opened.error().message);
        const bool retry = parser.isSet(u"retry-failed"_s);
        auto changed = writer.call<qint64>([retry](store::Database &db) -> Result<qint64> {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            return retry ? jobqueue::retry(db, {}, now) : jobqueue::cancel(db, {}, now);
        }).result();
        if (!changed)
            return context.fail(changed.error().toString());
        context.err() << u"%1 job(s) %2\n"_s.arg(*changed).arg(retry ? u"queued again"_s : u"cancelled"_s);
        context.err().flush();
    }
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto stats = jobqueue::stats(view->db);
    auto jobs = jobqueue::list(view->db, *limit);
    if (!stats || !jobs)
        return context.fail((stats ? jobs.error() : stats.error()).toString());
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ProcessingJob &j : *jobs) {
            array.append(QJsonObject{{u"id"_s, double(j.id)}, {u"trajectory_id"_s, j.trajectoryKey}, {u"run_id"_s, j.runId},
                                     {u"state"_s, jobStateKey(j.state)}, {u"stages"_s, QJsonArray::fromStringList(stageKeys(j.stages))},
                                     {u"attempts"_s, j.attempts}, {u"max_attempts"_s, j.maxAttempts},
                                     {u"next_attempt_at"_s, formatTimestampMs(j.nextAttemptMs)},
                                     {u"last_error"_s, j.lastError.isEmpty() ? QJsonValue() : QJsonValue(j.lastError)},
                                     {u"progress"_s, j.progress}});
        }
        context.printJson(QJsonObject{{u"stats"_s, QJsonObject{{u"queued"_s, double(stats->queued)}, {u"running"_s, double(stats->running)},
                                                               {u"succeeded"_s, double(stats->succeeded)}, {u"failed"_s, double(stats->failed)},
                                                               {u"cancelled"_s, double(stats->cancelled)}}},
                                      {u"jobs"_s, array}});
        return ExitOk;
    }
    context.out() << u"queued %1, running %2, succeeded %3, failed %4, cancelled %5\n"_s.arg(stats->queued).arg(stats->running)
                         .arg(stats->succeeded).arg(stats->failed).arg(stats->cancelled);
    QList<QStringList> table;
    for (const ProcessingJob &j : *jobs)
        table << QStringList{QString::number(j.id), j.runId, jobStateKey(j.state), u"%1/%2"_s.arg(j.attempts).arg(j.maxAttempts),
                             stageKeys(j.stages).join(u','), j.lastError};
    context.printTable({u"JOB"_s, u"RUN"_s, u"STATE"_s, u"ATTEMPTS"_s, u"STAGES"_s, u"LAST ERROR"_s}, table);
    return ExitOk;
}

} // namespace lettascope::cli
