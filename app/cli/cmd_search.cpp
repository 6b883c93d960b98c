// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "commands.h"

#include "common/timestamps.h"
#include "export/exportjson.h"
#include "store/queries/searchqueries.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

int runSearch(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Full-text search over cached messages, tool arguments and tool returns."_s);
    parser.addPositionalArgument(u"text"_s, u"words to find (all must match; the last may be a prefix)"_s);
    parser.addOptions({{u"limit"_s, u"At most this many matches (default 50)."_s, u"N"_s, u"50"_s},
                       {u"json"_s, u"Print one JSON array."_s}});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    const QString text = parser.positionalArguments().join(u' ');
    if (text.trimmed().isEmpty())
        return context.usageError(u"search needs some text"_s);
    bool ok = false;
    const qint64 limit = parser.value(u"limit"_s).toLongLong(&ok);
    if (!ok || limit < 1)
        return context.usageError(u"--limit needs a positive number"_s);

    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto hits = store::searchMessages(view->db, view->serverId, text, limit);
    if (!hits)
        return context.fail(hits.error().toString());
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const auto &hit : *hits)
            array.append(exports::exportSearchHit(hit));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto &hit : *hits)
        rows << QStringList{hit.message.runId, hit.message.messageType,
                            hit.message.dateMs ? formatTimestampMs(*hit.message.dateMs) : u"-"_s, hit.snippet};
    context.printTable({u"RUN"_s, u"TYPE"_s, u"DATE"_s, u"MATCH"_s}, rows);
    return ExitOk;
}

} // namespace lettascope::cli
