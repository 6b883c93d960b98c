// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "commands.h"

#include "common/timestamps.h"
#include "export/exportjson.h"
#include "store/queries/catalogqueries.h"
#include "store/queries/detailqueries.h"
#include "store/queries/runqueries.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

struct ListOptions {
    QString agent;
    QString status;
    std::optional<qint64> sinceMs;
    qint64 limit = 50;
    bool json = false;
};

QString timeText(const std::optional<qint64> &ms)
{
    return ms ? formatTimestampMs(*ms) : u"-"_s;
}

QString numberText(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : u"-"_s;
}

int listRuns(CliContext &context, CacheView &view, const ListOptions &options)
{
    store::RunQuery query;
    query.serverId = view.serverId;
    if (!options.agent.isEmpty())
        query.agentIds = {options.agent};
    if (!options.status.isEmpty()) {
        for (const auto &name : options.status.split(u',', Qt::SkipEmptyParts)) {
            const RunStatus status = runStatusFromString(name.trimmed());
            if (status == RunStatus::Unknown)
                return context.usageError(u"unknown run status '%1' (created, running, completed, failed, cancelled)"_s.arg(name));
            query.statuses << status;
        }
    }
    query.sinceMs = options.sinceMs;
    query.limit = options.limit;
    auto runs = store::listRuns(view.db, query);
    if (!runs)
        return context.fail(runs.error().toString());
    if (options.json) {
        QJsonArray array;
        for (const auto &run : *runs)
            array.append(exports::exportRun(run));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto &run : *runs) {
        const auto duration = run.durationNs();
        rows << QStringList{run.run.id, runStatusToString(run.run.status), run.agentName.isEmpty() ? run.run.agentId : run.agentName,
                            timeText(run.run.createdMs), duration ? u"%1 s"_s.arg(double(*duration) / 1e9, 0, 'f', 2) : u"-"_s,
                            QString::number(run.stepCount), numberText(run.totalTokens), run.run.stopReason};
    }
    context.printTable({u"ID"_s, u"STATUS"_s, u"AGENT"_s, u"CREATED"_s, u"DURATION"_s, u"STEPS"_s, u"TOKENS"_s, u"STOP REASON"_s}, rows);
    return ExitOk;
}

int listAgents(CliContext &context, CacheView &view, const ListOptions &options)
{
    auto agents = store::listAgents(view.db, view.serverId);
    if (!agents)
        return context.fail(agents.error().toString());
    QList<store::AgentSummary> selected;
    for (const auto &agent : *agents) {
        if (!options.agent.isEmpty() && agent.agent.id != options.agent && agent.agent.name != options.agent)
            continue;
        if (options.sinceMs && (!agent.lastRunMs || *agent.lastRunMs < *options.sinceMs))
            continue;
        if (selected.size() < options.limit)
            selected << agent;
    }
    if (options.json) {
        QJsonArray array;
        for (const auto &agent : selected)
            array.append(exports::exportAgent(agent));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto &agent : selected)
        rows << QStringList{agent.agent.id, agent.agent.name, agent.agent.model, QString::number(agent.runCount),
                            QString::number(agent.failedRuns), timeText(agent.lastRunMs)};
    context.printTable({u"ID"_s, u"NAME"_s, u"MODEL"_s, u"RUNS"_s, u"FAILED"_s, u"LAST RUN"_s}, rows);
    return ExitOk;
}

int listSteps(CliContext &context, CacheView &view, const ListOptions &options)
{
    store::StepQuery query;
    query.serverId = view.serverId;
    query.agentId = options.agent;
    query.status = options.status;
    query.limit = options.limit;
    auto steps = store::listSteps(view.db, query);
    if (!steps)
        return context.fail(steps.error().toString());
    if (options.json) {
        QJsonArray array;
        for (const auto &step : *steps)
            array.append(exports::exportStep(step));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto &step : *steps)
        rows << QStringList{step.id, step.runId, step.model, step.status, numberText(step.promptTokens),
                            numberText(step.completionTokens), step.errorType};
    context.printTable({u"ID"_s, u"RUN"_s, u"MODEL"_s, u"STATUS"_s, u"PROMPT"_s, u"COMPLETION"_s, u"ERROR"_s}, rows);
    return ExitOk;
}

int listMessages(CliContext &context, CacheView &view, const ListOptions &options)
{
    store::MessageQuery query;
    query.serverId = view.serverId;
    query.agentId = options.agent;
    query.sinceMs = options.sinceMs;
    query.limit = options.limit;
    if (!options.status.isEmpty())
        return context.usageError(u"--status does not apply to messages"_s);
    auto messages = store::listMessages(view.db, query);
    if (!messages)
        return context.fail(messages.error().toString());
    if (options.json) {
        QJsonArray array;
        for (const auto &message : *messages)
            array.append(exports::exportMessage(message));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto &m : *messages)
        rows << QStringList{timeText(m.dateMs), m.messageType, m.runId, m.text};
    context.printTable({u"DATE"_s, u"TYPE"_s, u"RUN"_s, u"TEXT"_s}, rows);
    return ExitOk;
}

int listJobs(CliContext &context, CacheView &view, const ListOptions &options)
{
    store::JobQuery query;
    query.serverId = view.serverId;
    query.status = options.status;
    query.sinceMs = options.sinceMs;
    query.limit = options.limit;
    auto jobs = store::listJobs(view.db, query);
    if (!jobs)
        return context.fail(jobs.error().toString());
    if (options.json) {
        QJsonArray array;
        for (const auto &job : *jobs)
            array.append(exports::exportJob(job));
        context.printJson(array);
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto &job : *jobs)
        rows << QStringList{job.id, job.status, job.jobType, timeText(job.createdMs), job.errorText};
    context.printTable({u"ID"_s, u"STATUS"_s, u"TYPE"_s, u"CREATED"_s, u"ERROR"_s}, rows);
    return ExitOk;
}

} // namespace

int runList(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List cached agents, runs, steps, messages or jobs."_s);
    parser.addPositionalArgument(u"what"_s, u"agents | runs | steps | messages | jobs"_s);
    parser.addOptions({{u"agent"_s, u"Only this agent (id; for agents also the name)."_s, u"ID"_s},
                       {u"status"_s, u"Only these statuses (comma separated)."_s, u"STATUS"_s},
                       {u"since"_s, u"Only items since an ISO date/time or a relative age (24h, 7d)."_s, u"WHEN"_s},
                       {u"limit"_s, u"At most this many items (default 50)."_s, u"N"_s, u"50"_s},
                       {u"json"_s, u"Print one JSON array."_s}});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return context.usageError(u"list needs one of: agents, runs, steps, messages, jobs"_s);

    ListOptions options;
    options.agent = parser.value(u"agent"_s);
    options.status = parser.value(u"status"_s);
    options.json = parser.isSet(u"json"_s);
    bool ok = false;
    options.limit = parser.value(u"limit"_s).toLongLong(&ok);
    if (!ok || options.limit < 1)
        return context.usageError(u"--limit needs a positive number"_s);
    if (parser.isSet(u"since"_s)) {
        options.sinceMs = parseSince(parser.value(u"since"_s), QDateTime::currentMSecsSinceEpoch());
        if (!options.sinceMs)
            return context.usageError(u"--since needs an ISO date/time or an age such as 24h or 7d"_s);
    }

    const QString what = parser.positionalArguments().constFirst();
    static const QStringList kinds{u"runs"_s, u"agents"_s, u"steps"_s, u"messages"_s, u"jobs"_s};
    if (!kinds.contains(what))
        return context.usageError(u"cannot list '%1'; choose agents, runs, steps, messages or jobs"_s.arg(what));
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    if (what == u"runs")
        return listRuns(context, *view, options);
    if (what == u"agents")
        return listAgents(context, *view, options);
    if (what == u"steps")
        return listSteps(context, *view, options);
    if (what == u"messages")
        return listMessages(context, *view, options);
    return listJobs(context, *view, options);
}

} // namespace lettascope::cli
