// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "trajectorycommands.h"
#include "trajectoryoptions.h"

#include "trajectories/scoretext.h"
#include "trajectories/search/searchsession.h"
#include "trajectories/trajectoryjson.h"
#include "trajectories/trajectoryqueries.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

namespace {

QList<QStringList> tableRows(const QList<SearchHit> &hits, const QString &tier = {})
{
    QList<QStringList> rows;
    for (const SearchHit &hit : hits) {
        QStringList row;
        if (!tier.isEmpty())
            row << tier;
        row << QString::number(hit.score, 'f', 2) << scoreText(hit.row.score) << hit.row.runId << hit.row.executionStatus
            << hit.row.summary.section(u'\n', 0, 0);
        rows << row;
    }
    return rows;
}

} // namespace

int trajectoriesSearch(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Hybrid search (vector similarity and keyword rank) over trajectory summaries and "
                                     "text. --contrasts splits the matches into successes (score >= 0.7), moderate and "
                                     "failures (score <= 0.3); --like finds runs similar to one trajectory."_s);
    parser.addPositionalArgument(u"text"_s, u"what to look for (optional with --like)"_s);
    addFilterOptions(parser);
    addBackendOptions(parser);
    parser.addOptions({{u"like"_s, u"Find trajectories similar to this one (trajectory id, run id or row)."_s, u"ID"_s},
                       {u"contrasts"_s, u"Group the matches into successes, moderate and failures."_s},
                       {u"limit"_s, u"At most this many results (per group with --contrasts; default 10)."_s, u"N"_s, u"10"_s},
                       {u"json"_s, u"Print JSON: {query, results} or {successes, moderate, failures}."_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    const QString text = parser.positionalArguments().join(u' ').trimmed();
    if (text.isEmpty() && !parser.isSet(u"like"_s))
        return context.usageError(u"search needs some text or --like ID"_s);
    auto limit = limitFrom(parser);
    if (!limit)
        return context.usageError(limit.error().message);
    auto config = configFrom(parser);
    if (!config)
        return context.usageError(config.error().message);
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto filters = filtersFrom(parser, view->serverId);
    if (!filters)
        return context.usageError(filters.error().message);
    SearchRequest request;
    request.text = text;
    request.filters = *filters;
    request.limit = *limit;
    if (parser.isSet(u"like"_s)) {
        auto like = findTrajectory(view->db, view->serverId, parser.value(u"like"_s));
        if (!like)
            return context.fail(like.error().toString());
        if (!*like)
            return context.fail(u"no trajectory '%1' in the cache"_s.arg(parser.value(u"like"_s)));
        request.likeTrajectory = **like;
    }
    SearchSession session(std::move(view->db), queryEmbedder(*config));
    const QString query = text.isEmpty() ? parser.value(u"like"_s) : text;
    if (parser.isSet(u"contrasts"_s)) {
        auto contrasts = session.contrasts(request);
        if (!contrasts)
            return context.fail(contrasts.error().toString());
        if (parser.isSet(u"json"_s)) {
            context.printJson(contrastsJson(query, *contrasts));
            return ExitOk;
        }
        if (!contrasts->note.isEmpty())
            context.err() << u"note: "_s << contrasts->note << u'\n';
        context.err().flush();
        QList<QStringList> rows = tableRows(contrasts->successes, u"success"_s);
        rows << tableRows(contrasts->moderate, u"moderate"_s) << tableRows(contrasts->failures, u"failure"_s);
        context.printTable({u"TIER"_s, u"MATCH"_s, u"SCORE"_s, u"RUN"_s, u"STATUS"_s, u"SUMMARY"_s}, rows);
        return ExitOk;
    }
    auto results = session.search(request);
    if (!results)
        return context.fail(results.error().toString());
    if (parser.isSet(u"json"_s)) {
        context.printJson(searchJson(query, *results));
        return ExitOk;
    }
    if (!results->note.isEmpty())
        context.err() << u"note: "_s << results->note << u'\n';
    context.err().flush();
    context.printTable({u"MATCH"_s, u"SCORE"_s, u"RUN"_s, u"STATUS"_s, u"SUMMARY"_s}, tableRows(results->hits));
    return ExitOk;
}

} // namespace lettascope::cli
