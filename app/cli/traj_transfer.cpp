// SPDX-License-Identifier: MIT
// `trajectories export` and `trajectories import`: JSON Lines in the seed's record format.
#include "clicache.h"
#include "trajectorycommands.h"
#include "trajectoryoptions.h"

#include "session/opencache.h"
#include "store/storewriter.h"
#include "trajectories/processingsettings.h"
#include "trajectories/trajectoryimport.h"
#include "trajectories/trajectoryjson.h"
#include "trajectories/trajectoryqueries.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

int trajectoriesExport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Export trajectories as JSON Lines: one seed-format record per line (data, "
                                     "summary, score, labels, decisions, annotations, provenance)."_s);
    addFilterOptions(parser);
    parser.addOptions({{u"format"_s, u"jsonl (the only format)."_s, u"FORMAT"_s, u"jsonl"_s},
                       {{u"o"_s, u"output"_s}, u"Write to FILE instead of standard output."_s, u"FILE"_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    if (parser.value(u"format"_s) != u"jsonl")
        return context.usageError(u"--format must be jsonl"_s);
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto filters = filtersFrom(parser, view->serverId);
    if (!filters)
        return context.usageError(filters.error().message);
    QFile file;
    QTextStream fileStream;
    QTextStream *out = &context.out();
    if (parser.isSet(u"output"_s)) {
        file.setFileName(parser.value(u"output"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return context.fail(u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
        fileStream.setDevice(&file);
        out = &fileStream;
    }
    // Oldest first, in windows, so memory stays flat and a re-export diffs cleanly.
    TrajectoryQuery query;
    query.filters = *filters;
    query.descending = false;
    query.limit = 0;
    auto keys = listTrajectoryKeys(view->db, query);
    if (!keys)
        return context.fail(keys.error().toString());
    for (const RowKey &key : *keys) {
        auto detail = loadTrajectoryDetail(view->db, key.rowId);
        if (!detail)
            return context.fail(detail.error().toString());
        if (*detail)
            *out << QString::fromUtf8(QJsonDocument(recordJson(**detail)).toJson(QJsonDocument::Compact)) << u'\n';
    }
    out->flush();
    if (file.isOpen() && file.error() != QFileDevice::NoError)
        return context.fail(u"writing %1 failed: %2"_s.arg(file.fileName(), file.errorString()));
    return ExitOk;
}

int trajectoriesImport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Import trajectories from JSON Lines (the export format, or bare seed data "
                                     "objects). Broken lines are reported and skipped; the rest are imported."_s);
    parser.addPositionalArgument(u"file"_s, u"a .jsonl file, or - for standard input"_s);
    parser.addOptions({{u"no-queue"_s, u"Do not queue processing for what the lines lack (embeddings)."_s},
                       {u"json"_s, u"Print the import report as JSON."_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(u"import needs one file (or - for standard input)"_s);
    const QString name = parser.positionalArguments().constFirst();
    QFile file;
    if (name == u"-" ? !file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(name), !file.open(QIODevice::ReadOnly)))
        return context.fail(u"cannot read %1: %2"_s.arg(name, file.errorString()));
    store::StoreWriter writer;
    if (auto opened = session::openCache(writer, cachePath(context.options())); !opened)
        return context.fail(opened.error().message);
    ProcessingSettings settings;
    ImportOptions options;
    options.enqueueProcessing = !parser.isSet(u"no-queue"_s);
    options.maxAttempts = settings.maxAttempts();
    const ImportReport report = importTrajectories(writer, file, options);
    if (!report.ok())
        return context.fail(report.error.toString());
    if (parser.isSet(u"json"_s)) {
        context.printJson(QJsonObject{{u"lines"_s, double(report.lines)}, {u"imported"_s, double(report.imported)},
                                      {u"unchanged"_s, double(report.unchanged)}, {u"queued"_s, double(report.queued)},
                                      {u"rejected"_s, QJsonArray::fromStringList(report.rejected)}});
    } else {
        context.out() << u"imported %1, unchanged %2, rejected %3; %4 queued for processing\n"_s.arg(report.imported)
                             .arg(report.unchanged).arg(report.rejected.size()).arg(report.queued);
        context.out().flush();
    }
    if (!report.rejected.isEmpty())
        return context.fail(u"%1 line(s) rejected, e.g. %2"_s.arg(report.rejected.size()).arg(report.rejected.constFirst()));
    return ExitOk;
}

} // namespace lettascope::cli
