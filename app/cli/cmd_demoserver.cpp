// SPDX-License-Identifier: MIT
#include "commands.h"
#include "interrupt.h"

#include "common/timestamps.h"
#include "demo/demoserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace lettascope::demo;

namespace lettascope::cli {

namespace {

bool parseCount(const QCommandLineParser &parser, const QString &name, int minimum, int &target, QString &error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    target = parser.value(name).toInt(&ok);
    if (!ok || target < minimum) {
        error = u"--%1 needs an integer of at least %2"_s.arg(name).arg(minimum);
        return false;
    }
    return true;
}

} // namespace

int runDemoServer(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Serve a generated, deterministic Letta dataset over HTTP on 127.0.0.1."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"port"_s, u"Port to listen on (default 8283 like a self-hosted Letta; 0 picks a free one)."_s, u"P"_s},
        {u"seed"_s, u"Dataset seed (default 42)."_s, u"S"_s},
        {u"agents"_s, u"Number of agents (default 6)."_s, u"N"_s},
        {u"runs-per-agent"_s, u"Runs per agent (default 40)."_s, u"M"_s},
        {u"steps-per-run"_s, u"Average steps per run (default 5)."_s, u"K"_s},
        {u"anchor"_s, u"End of the generated history, ISO date-time (default: start of today, UTC)."_s, u"TIME"_s},
        {u"live"_s, u"Keep creating and finishing runs over time."_s},
        {u"live-interval"_s, u"Live mode tick in milliseconds (default 1000)."_s, u"MS"_s},
        {u"password"_s, u"Require this password (Bearer or X-BARE-PASSWORD), like a secure self-hosted server."_s, u"PW"_s},
        {u"fault"_s, u"Inject a fault, e.g. 429:path=/v1/runs/,first=2,retry-after=3 (repeatable)."_s, u"SPEC"_s},
    });
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        const QString help = parser.helpText();
        context.out() << u"Usage: lettascope-cli demo-server [options]"_s << help.mid(help.indexOf(u'\n'));
        context.out().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));

    DemoConfig config;
    QString error;
    int port = 8283;
    int interval = 1000;
    if (!parseCount(parser, u"port"_s, 0, port, error) || port > 65535 || !parseCount(parser, u"agents"_s, 1, config.agents, error)
        || !parseCount(parser, u"runs-per-agent"_s, 0, config.runsPerAgent, error)
        || !parseCount(parser, u"steps-per-run"_s, 1, config.stepsPerRun, error)
        || !parseCount(parser, u"live-interval"_s, 10, interval, error))
        return context.usageError(error.isEmpty() ? u"--port must be between 0 and 65535"_s : error);
    if (parser.isSet(u"seed"_s)) {
        bool ok = false;
        config.seed = parser.value(u"seed"_s).toULongLong(&ok);
        if (!ok)
            return context.usageError(u"--seed needs a non-negative integer"_s);
    }
    if (parser.isSet(u"anchor"_s)) {
        const auto anchor = parseTimestampMs(parser.value(u"anchor"_s));
        if (!anchor)
            return context.usageError(u"--anchor needs an ISO date or date-time"_s);
        config.anchorMicros = *anchor * 1000;
    }
    std::vector<FaultRule> faults;
    for (const QString &spec : parser.values(u"fault"_s)) {
        const auto rule = FaultRule::parse(spec);
        if (!rule)
            return context.usageError(u"--fault %1: %2"_s.arg(spec, rule.error().message));
        faults.push_back(*rule);
    }

    DemoServer server(std::make_shared<DemoStore>(config));
    for (const FaultRule &rule : faults)
        server.faults().add(rule);
    server.setPassword(parser.value(u"password"_s));
    const auto bound = server.listen(quint16(port));
    if (!bound)
        return context.fail(bound.error().message);
    server.setLive(parser.isSet(u"live"_s), interval);

    if (!installInterruptHandler())
        return context.fail(u"cannot install the SIGINT/SIGTERM handlers"_s);
    whenInterrupted(qApp, [] { QCoreApplication::quit(); });
    context.out() << u"Demo Letta server listening on "_s << server.url().toString() << Qt::endl;
    QCoreApplication::exec();
    return ExitOk;
}

} // namespace lettascope::cli
