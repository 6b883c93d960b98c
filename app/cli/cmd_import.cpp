// SPDX-License-Identifier: MIT
#include "appserverutil.h"
#include "clicache.h"
#include "commands.h"
#include "interrupt.h"

#include "appserver/folderimport.h"
#include "session/opencache.h"
#include "store/storewriter.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

int runImport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Import a folder into the cache: a trajectory-v1 export (`letta trajectories export`: JSON files and "
        "manifest.json) or a Letta Code App Server store (~/.letta/lc-local-backend, or one conversation folder). "
        "With --server (before the command) the data joins that server's cached data; otherwise it is kept as an "
        "import of its own."_s);
    parser.addPositionalArgument(u"path"_s, u"The folder to import."_s);
    parser.addOption({u"json"_s, u"Print the import report as JSON."_s});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return context.usageError(u"import needs exactly one folder"_s);

    appserver::ImportOptions options;
    if (!context.options().serverUrl.isEmpty()) {
        auto url = parseServerUrl(context.options().serverUrl);
        if (!url)
            return context.usageError(url.error().message);
        options.target = serverRecordFor(*url);
    }
    installInterruptHandler();
    options.cancel = &interruptFlag();

    store::StoreWriter writer;
    if (auto opened = session::openCache(writer, cachePath(context.options())); !opened)
        return context.fail(opened.error().message);
    const appserver::ImportReport report = appserver::importFolder(writer, parser.positionalArguments().first(), options);

    if (parser.isSet(u"json"_s)) {
        context.printJson(QJsonObject{{u"ok"_s, report.ok()}, {u"format"_s, appserver::importFormatName(report.format)},
                                      {u"files"_s, double(report.files)}, {u"agents"_s, double(report.agents)},
                                      {u"conversations"_s, double(report.conversations)}, {u"runs"_s, double(report.runs)},
                                      {u"steps"_s, double(report.steps)}, {u"messages"_s, double(report.messages)},
                                      {u"skipped"_s, double(report.skipped)},
                                      {u"problems"_s, QJsonArray::fromStringList(report.problems)},
                                      {u"seconds"_s, double(report.elapsedMs) / 1000.0}});
    } else {
        context.out() << report.summary() << Qt::endl;
    }
    if (report.fatal.kind != ErrorKind::None)
        return context.fail(report.fatal.message);
    if (!report.ok())
        return context.fail(report.cancelled ? u"import cancelled"_s : u"some files could not be imported (see above)"_s);
    return ExitOk;
}

} // namespace lettascope::cli
