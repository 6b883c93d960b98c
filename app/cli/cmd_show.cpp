// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "commands.h"

#include "common/timestamps.h"
#include "export/exportjson.h"
#include "store/queries/detailqueries.h"
#include "store/queries/runqueries.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

void printTimeline(QTextStream &out, const QList<Step> &steps, const QList<Message> &messages)
{
    QHash<QString, int> stepNumbers;
    for (const auto &step : steps)
        stepNumbers.insert(step.id, step.ordinal + 1);
    for (const auto &m : messages) {
        const QString step = m.stepId.isEmpty() ? u"-"_s : u"#%1"_s.arg(stepNumbers.value(m.stepId));
        out << u"  "_s << (m.dateMs ? formatTimestampMs(*m.dateMs) : u"-"_s) << u"  step "_s << step.leftJustified(4)
            << u"  "_s << messageKindLabel(m.kind).leftJustified(18);
        QString body = m.text;
        for (const auto &call : m.toolCalls)
            body += u" "_s + call.name + u"("_s + call.arguments + u")"_s;
        for (const auto &ret : m.toolReturns)
            body += u" ["_s + ret.status + u"] "_s + ret.text;
        body.replace(u'\n', u' ');
        out << (body.size() > 160 ? body.left(159) + u'…' : body) << u'\n';
    }
}

} // namespace

int runShow(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show one cached run with its steps and messages."_s);
    parser.addPositionalArgument(u"run"_s, u"the word 'run'"_s);
    parser.addPositionalArgument(u"id"_s, u"the run id"_s);
    parser.addOption({u"json"_s, u"Print one JSON object {run, steps, messages}."_s});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[0] != u"run")
        return context.usageError(u"usage: show run ID"_s);

    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto run = store::findRun(view->db, view->serverId, positional[1]);
    if (!run)
        return context.fail(run.error().toString());
    if (!*run)
        return context.fail(u"no run %1 in the cache"_s.arg(positional[1]));
    const store::RunSummary &summary = **run;
    auto steps = store::stepsForRun(view->db, summary.serverId, summary.run.id);
    auto messages = store::messagesForRun(view->db, summary.serverId, summary.run.id);
    if (!steps || !messages)
        return context.fail((!steps ? steps.error() : messages.error()).toString());

    if (parser.isSet(u"json"_s)) {
        QJsonArray stepArray;
        for (const auto &step : *steps)
            stepArray.append(exports::exportStep(step));
        QJsonArray messageArray;
        for (const auto &message : *messages)
            messageArray.append(exports::exportMessage(message));
        context.printJson(QJsonObject{{u"run"_s, exports::exportRun(summary)}, {u"steps"_s, stepArray}, {u"messages"_s, messageArray}});
        return ExitOk;
    }
    QTextStream &out = context.out();
    const Run &r = summary.run;
    out << u"Run "_s << r.id << u"  ["_s << runStatusToString(r.status) << u"]"_s
        << (r.stopReason.isEmpty() ? QString() : u"  stop: "_s + r.stopReason) << u'\n';
    out << u"Agent "_s << (summary.agentName.isEmpty() ? r.agentId : summary.agentName + u" ("_s + r.agentId + u')')
        << u'\n';
    out << u"Created "_s << (r.createdMs ? formatTimestampMs(*r.createdMs) : u"-"_s);
    if (const auto duration = summary.durationNs())
        out << u"  duration "_s << QString::number(double(*duration) / 1e9, 'f', 2) << u" s"_s;
    out << u"  steps "_s << summary.stepCount << u"  tokens "_s
        << (summary.totalTokens ? QString::number(*summary.totalTokens) : u"not reported"_s) << u'\n';
    if (!r.errorText.isEmpty())
        out << u"Error "_s << r.errorText << u'\n';
    out << u"\nSteps\n"_s;
    for (const auto &step : *steps) {
        out << u"  #"_s << (step.ordinal + 1) << u"  "_s << step.id << u"  "_s << step.model << u"  "_s << step.status
            << u"  prompt "_s << (step.promptTokens ? QString::number(*step.promptTokens) : u"-"_s) << u"  completion "_s
            << (step.completionTokens ? QString::number(*step.completionTokens) : u"-"_s) << u'\n';
    }
    out << u"\nMessages\n"_s;
    printTimeline(out, *steps, *messages);
    out.flush();
    return ExitOk;
}

} // namespace lettascope::cli
