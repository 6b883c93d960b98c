// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "trajectorycommands.h"
#include "trajectoryoptions.h"

#include "common/timestamps.h"
#include "trajectories/processing/digest.h"
#include "trajectories/scoretext.h"
#include "trajectories/trajectoryjson.h"
#include "trajectories/trajectoryqueries.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

namespace {

void printEnrichment(QTextStream &out, const TrajectoryDetail &d)
{
    const TrajectoryRow &r = d.row;
    out << u"Enrichment  processing %1; score %2; category %3; complexity %4\n"_s.arg(r.processingState, scoreText(r.score),
                                                                                         r.category.isEmpty() ? u"-"_s : r.category,
                                                                                         r.complexity.isEmpty() ? u"-"_s : r.complexity);
    if (!r.tags.isEmpty())
        out << u"  Tags: "_s << r.tags.join(u", "_s) << u'\n';
    if (!r.scoreReasoning.isEmpty())
        out << u"  Score reasoning: "_s << r.scoreReasoning << u'\n';
    if (!r.summary.isEmpty())
        out << u"  Summary:\n    "_s << QString(r.summary).replace(u'\n', u"\n    "_s) << u'\n';
    for (const StageInfo &s : d.stages) {
        out << u"  %1: %2 by %3/%4"_s.arg(stageKey(s.stage), s.ok ? u"ok"_s : u"FAILED"_s, s.backend, s.model);
        if (s.elapsedMs)
            out << u" in %1 ms"_s.arg(*s.elapsedMs);
        if (!s.error.isEmpty())
            out << u" - "_s << s.error;
        out << u'\n';
    }
    if (!d.embeddingModels.isEmpty())
        out << u"  Embeddings: "_s << d.embeddingModels.join(u", "_s) << u'\n';
}

void printDecisions(QTextStream &out, const QList<Decision> &decisions)
{
    if (decisions.isEmpty())
        return;
    QMap<QString, std::pair<int, int>> perAction; // action -> (succeeded, with a known outcome)
    for (const Decision &d : decisions) {
        auto &[ok, known] = perAction[d.action];
        if (d.success) {
            ++known;
            ok += *d.success ? 1 : 0;
        }
    }
    out << u"Decisions (%1)\n"_s.arg(decisions.size());
    for (auto it = perAction.cbegin(); it != perAction.cend(); ++it) {
        const auto [ok, known] = it.value();
        out << u"  %1: %2 of %3 succeeded%4\n"_s.arg(it.key()).arg(ok).arg(known)
                   .arg(known ? u" (%1%)"_s.arg(100 * ok / known) : QString());
    }
    for (const Decision &d : decisions) {
        const QString mark = !d.success ? u"?"_s : *d.success ? u"ok"_s : u"FAILED"_s;
        out << u"  turn %1  %2  %3"_s.arg(d.turnIndex + 1).arg(d.action, mark);
        if (!d.errorType.isEmpty())
            out << u" ("_s << d.errorType << u')';
        if (!d.resultSummary.isEmpty())
            out << u": "_s << clip(d.resultSummary, 100);
        out << u'\n';
    }
}

void printTurns(QTextStream &out, const QJsonObject &data)
{
    const QJsonArray turns = data.value(u"turns"_s).toArray();
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const QJsonObject turn = turns[i].toObject();
        out << u"Turn %1  step %2  model %3\n"_s.arg(i + 1).arg(turn.value(u"step_id"_s).toString(u"(none)"_s),
                                                           turn.value(u"model"_s).toString(u"-"_s));
        for (const auto &m : turn.value(u"messages"_s).toArray()) {
            const QJsonObject message = m.toObject();
            QStringList parts;
            for (const auto &c : message.value(u"content"_s).toArray())
                parts << c.toObject().value(u"text"_s).toString();
            for (const auto &call : message.value(u"tool_calls"_s).toArray()) {
                const QJsonObject fn = call.toObject().value(u"function"_s).toObject();
                parts << u"call "_s + fn.value(u"name"_s).toString() + u'(' + fn.value(u"arguments"_s).toString() + u')';
            }
            const QString status = message.value(u"status"_s).toString();
            out << u"  %1%2: %3\n"_s.arg(message.value(u"role"_s).toString(), status.isEmpty() ? QString() : u" ["_s + status + u']',
                                        clip(parts.join(u" | "_s), 160));
        }
    }
}

} // namespace

int trajectoriesShow(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show one trajectory: metadata, the heuristic outcome, the enrichment, decisions, "
                                     "the annotation and the turns."_s);
    parser.addPositionalArgument(u"id"_s, u"trajectory id, run id or row number"_s);
    parser.addOptions({{u"json"_s, u"Print the full record (the export line shape)."_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(u"show needs one trajectory id or run id"_s);
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto id = findTrajectory(view->db, view->serverId, parser.positionalArguments().constFirst());
    if (!id)
        return context.fail(id.error().toString());
    if (!*id)
        return context.fail(u"no trajectory '%1' in the cache"_s.arg(parser.positionalArguments().constFirst()));
    auto detail = loadTrajectoryDetail(view->db, **id);
    if (!detail || !*detail)
        return context.fail(detail ? u"the trajectory disappeared"_s : detail.error().toString());
    const TrajectoryDetail &d = **detail;
    if (parser.isSet(u"json"_s)) {
        context.printJson(recordJson(d));
        return ExitOk;
    }
    QTextStream &out = context.out();
    const TrajectoryRow &r = d.row;
    const QJsonObject md = d.data.value(u"metadata"_s).toObject();
    out << r.id << u"  (run "_s << r.runId << u", agent "_s << (r.agentName.isEmpty() ? r.agentId : r.agentName) << u")\n"_s;
    out << u"Created %1; %2 steps, %3 messages, %4 tokens; duration %5\n"_s
               .arg(r.createdMs ? formatTimestampMs(*r.createdMs) : u"-"_s).arg(r.stepCount).arg(r.messageCount).arg(r.totalTokens)
               .arg(r.durationNs ? u"%1 s"_s.arg(double(*r.durationNs) / 1e9, 0, 'f', 1) : u"-"_s);
    out << u"Models: %1; tools: %2\n"_s.arg(md.value(u"models"_s).toVariant().toStringList().join(u", "_s),
                                           r.toolsUsed.isEmpty() ? u"none"_s : r.toolsUsed.join(u", "_s));
    const QJsonObject execution = d.data.value(u"outcome"_s).toObject().value(u"execution"_s).toObject();
    out << u"Outcome (heuristic, from the run's status): %1, confidence %2\n"_s.arg(execution.value(u"status"_s).toString())
               .arg(execution.value(u"confidence"_s).toDouble(), 0, 'f', 2);
    for (const auto &reason : execution.value(u"reasoning"_s).toArray())
        out << u"  - "_s << reason.toString() << u'\n';
    printEnrichment(out, d);
    printDecisions(out, d.decisions);
    if (!d.annotation.isEmpty())
        out << u"Annotation: human score %1; tags %2; note %3\n"_s.arg(scoreText(d.annotation.humanScore),
                                                                      d.annotation.tags.join(u", "_s), d.annotation.note);
    printTurns(out, d.data);
    out.flush();
    return ExitOk;
}

} // namespace lettascope::cli
