// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "commands.h"

#include "export/csv.h"
#include "export/exportjson.h"
#include "store/queries/runqueries.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

int runExport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Export cached runs as JSON Lines or CSV."_s);
    parser.addPositionalArgument(u"what"_s, u"runs"_s);
    parser.addOptions({{u"format"_s, u"jsonl (default) or csv."_s, u"FORMAT"_s, u"jsonl"_s},
                       {{u"o"_s, u"output"_s}, u"Write to FILE instead of standard output."_s, u"FILE"_s}});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments() != QStringList{u"runs"_s})
        return context.usageError(u"usage: export runs --format jsonl|csv [--output FILE]"_s);
    const QString format = parser.value(u"format"_s);
    if (format != u"jsonl" && format != u"csv")
        return context.usageError(u"--format must be jsonl or csv"_s);

    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);

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
    const QStringList columns = exports::runCsvColumns();
    if (format == u"csv")
        *out << exports::csvLine(columns) << u'\n';

    // Windows of 5,000 keep memory flat however large the cache is.
    store::RunQuery query;
    query.serverId = view->serverId;
    query.descending = false;
    query.limit = 5000;
    qint64 exported = 0;
    while (true) {
        auto runs = store::listRuns(view->db, query);
        if (!runs)
            return context.fail(runs.error().toString());
        for (const auto &run : *runs) {
            const QJsonObject object = exports::exportRun(run);
            if (format == u"csv")
                *out << exports::csvRow(object, columns) << u'\n';
            else
                *out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << u'\n';
        }
        exported += runs->size();
        if (runs->size() < query.limit)
            break;
        query.offset += query.limit;
    }
    out->flush();
    if (file.isOpen() && file.error() != QFileDevice::NoError)
        return context.fail(u"writing %1 failed: %2"_s.arg(file.fileName(), file.errorString()));
    return ExitOk;
}

} // namespace lettascope::cli
