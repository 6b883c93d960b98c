// SPDX-License-Identifier: MIT
#include "appserverutil.h"
#include "clicache.h"
#include "cliserver.h"
#include "commands.h"
#include "interrupt.h"

#include "appserver/appserverclient.h"
#include "appserver/historysource.h"
#include "net/httpclient.h"
#include "net/networkthread.h"
#include "session/opencache.h"
#include "store/storewriter.h"
#include "sync/restsource.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

QJsonObject reportToJson(const sync::SyncReport &report)
{
    QJsonArray resources;
    for (const auto &r : report.resources) {
        resources.append(QJsonObject{{u"resource"_s, r.resource}, {u"fetched"_s, double(r.fetched)},
                                     {u"requests"_s, double(r.requests)}, {u"skipped"_s, double(r.skipped)},
                                     {u"ok"_s, r.ok}, {u"error"_s, r.error}, {u"note"_s, r.note}});
    }
    return {{u"ok"_s, report.ok()}, {u"server_version"_s, report.serverVersion},
            {u"seconds"_s, double(report.finishedMs - report.startedMs) / 1000.0},
            {u"requests"_s, double(report.requests())}, {u"changed_runs"_s, double(report.changes.runIds.size())},
            {u"cancelled"_s, report.cancelled}, {u"resources"_s, resources}};
}

} // namespace

int runSync(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fetch what changed on a Letta server into the cache: a classic REST server (http(s)://) or a Letta Code "
        "App Server (ws://host:port; history only, see 'record' for live events)."_s);
    parser.addOptions({{u"step-metrics"_s,
                        u"Per-step timings to fetch this sync, newest runs first: a number, 'all' or 'none' "
                        "(default 2000; one request per step; REST servers only)."_s,
                        u"N"_s, u"2000"_s},
                       {u"json"_s, u"Print the sync report as JSON."_s}});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    if (context.options().serverUrl.isEmpty() && context.options().profileName.isEmpty())
        return context.usageError(u"sync needs --server URL or --profile NAME"_s);

    sync::SyncOptions options;
    const QString metrics = parser.value(u"step-metrics"_s);
    bool numeric = false;
    const qint64 budget = metrics.toLongLong(&numeric);
    if (metrics == u"none")
        options.fetchStepMetrics = false;
    else if (metrics == u"all")
        options.stepMetricsBudget = std::numeric_limits<qint64>::max();
    else if (numeric && budget >= 0)
        options.stepMetricsBudget = budget;
    else
        return context.usageError(u"--step-metrics takes a number, 'all' or 'none'"_s);

    // The URL's scheme says which kind of server this is (ws:// is an App Server); both fill the same cache.
    std::unique_ptr<net::NetworkThread> network;
    std::unique_ptr<appserver::AppServerClient> appServer;
    std::unique_ptr<sync::SyncSource> source;
    store::ServerRecord server;
    const auto url = parseServerUrl(context.options().serverUrl);
    if (!context.options().serverUrl.isEmpty() && url && isAppServerUrl(*url)) {
        auto endpoint = appServerEndpoint(*url);
        if (!endpoint)
            return context.usageError(endpoint.error().message);
        appServer = std::make_unique<appserver::AppServerClient>(*endpoint);
        source = std::make_unique<appserver::AppServerSource>(appServer.get());
        server = serverRecordFor(*url);
    } else {
        auto selected = resolveServer(context.options(), TokenNeed::Read);
        if (!selected)
            return selected.error().kind == ErrorKind::BadRequest ? context.usageError(selected.error().message)
                                                                  : context.fail(selected.error().message);
        if (!selected->notice.isEmpty())
            context.warn(selected->notice);
        network = std::make_unique<net::NetworkThread>();
        network->client()->setEndpoint(selected->endpoint);
        source = std::make_unique<sync::RestSource>(network->client());
        server = {selected->profileId, selected->name, selected->endpoint.baseUrl.toString(), u"rest"_s, {}};
    }

    store::StoreWriter writer;
    if (auto opened = session::openCache(writer, cachePath(context.options())); !opened)
        return context.fail(opened.error().message);
    sync::SyncEngine engine(writer);
    // Ctrl+C asks the sync to stop after the batch in flight; whatever was committed stays.
    installInterruptHandler();
    const sync::SyncReport report = engine.run(*source, server, options, {}, &interruptFlag());

    if (parser.isSet(u"json"_s))
        context.printJson(reportToJson(report));
    else
        context.out() << report.summary() << Qt::endl;
    if (report.fatal.kind != ErrorKind::None)
        return context.fail(report.fatal.toString());
    if (!report.ok())
        return context.fail(report.cancelled ? u"sync cancelled"_s : u"sync finished with errors (see above)"_s);
    return ExitOk;
}

} // namespace lettascope::cli
