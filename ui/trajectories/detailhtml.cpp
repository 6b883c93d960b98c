// SPDX-License-Identifier: MIT
#include "detailhtml.h"

#include "trajectories/actionstats.h"
#include "trajectories/scoretext.h"
#include "trajectories/trajectory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace lettascope::ui::trajectories {

using namespace lettascope::trajectories;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    return u"<tr><td><b>"_s + esc(label) + u"</b></td><td>"_s + esc(value) + u"</td></tr>"_s;
}

QString joined(const QJsonValue &list)
{
    QStringList items;
    for (const auto &item : list.toArray())
        items << item.toString();
    return items.join(u", "_s);
}

QString outcomeSection(const QJsonObject &data)
{
    const QJsonObject outcome = data.value(u"outcome"_s).toObject();
    const QJsonObject execution = outcome.value(u"execution"_s).toObject();
    // Older records carry only the legacy keys; both describe the converter's heuristic.
    const QJsonObject source = execution.isEmpty() ? outcome : execution;
    QString html = u"<h3>Heuristic outcome</h3><p><i>From the run's status and stop reason, not the learning-value "
                   "score.</i></p><table>"_s;
    html += row(u"Status"_s, source.value(execution.isEmpty() ? u"type"_s : u"status"_s).toString());
    html += row(u"Confidence"_s, QString::number(source.value(u"confidence"_s).toDouble(), 'f', 2));
    html += u"</table><ul>"_s;
    for (const auto &reason : source.value(u"reasoning"_s).toArray())
        html += u"<li>"_s + esc(reason.toString()) + u"</li>"_s;
    return html + u"</ul>"_s;
}

QString enrichmentSection(const TrajectoryDetail &d)
{
    QString html = u"<h3>Enrichment</h3><table>"_s;
    html += row(u"Learning value"_s, scoreText(d.row.score));
    html += row(u"Reasoning"_s, d.row.scoreReasoning);
    html += row(u"Summary"_s, d.row.summary);
    html += row(u"Category"_s, d.row.category);
    html += row(u"Complexity"_s, d.row.complexity);
    html += row(u"Tags"_s, d.row.tags.join(u", "_s));
    html += row(u"Processing"_s, d.row.processingState);
    html += u"</table><table><tr><th>Stage</th><th>Backend</th><th>Model</th><th>Time</th><th>Error</th></tr>"_s;
    for (const StageInfo &s : d.stages) {
        QString time;
        if (s.elapsedMs)
            time = u"%1 ms"_s.arg(*s.elapsedMs);
        html += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>"_s.arg(
            stageKey(s.stage), esc(s.backend), esc(s.model), time, esc(s.error));
    }
    return html + u"</table>"_s;
}

QString decisionsSection(const QList<Decision> &decisions)
{
    QString html = u"<h3>Decisions (%1)</h3><table><tr><th>Action</th><th>Calls</th><th>Succeeded</th><th>Failed</th>"
                   "<th>Success rate</th></tr>"_s.arg(decisions.size());
    for (const ActionStats &s : actionStats(decisions)) {
        QString rate = u"no returns"_s;
        if (const auto r = s.successRate())
            rate = QString::number(*r * 100.0, 'f', 0) + u" %"_s;
        html += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>"_s.arg(esc(s.action))
                    .arg(s.calls).arg(s.succeeded).arg(s.failed).arg(rate);
    }
    return html + u"</table>"_s;
}

QString turnsSection(const QJsonObject &data)
{
    const QJsonArray turns = data.value(u"turns"_s).toArray();
    QString html = u"<h3>Turns (%1)</h3><ol>"_s.arg(turns.size());
    for (const auto &turn : turns) {
        const QJsonObject t = turn.toObject();
        html += u"<li>%1 · %2 message(s)</li>"_s.arg(esc(t.value(u"model"_s).toString(u"no model"_s)))
                    .arg(t.value(u"messages"_s).toArray().size());
    }
    return html + u"</ol>"_s;
}

} // namespace

QString detailHtml(const TrajectoryDetail &d)
{
    const QJsonObject meta = d.data.value(u"metadata"_s).toObject();
    QString html = u"<h2>%1</h2><table>"_s.arg(esc(d.row.runId));
    html += row(u"Agent"_s, d.row.agentName.isEmpty() ? d.row.agentId : d.row.agentName);
    html += row(u"Run status"_s, d.row.runStatus);
    html += row(u"Stop reason"_s, d.row.stopReason);
    html += row(u"Steps"_s, QString::number(d.row.stepCount));
    html += row(u"Messages"_s, QString::number(d.row.messageCount));
    html += row(u"Tokens"_s, QString::number(d.row.totalTokens));
    QString duration = u"not reported"_s;
    if (d.row.durationNs)
        duration = u"%1 s"_s.arg(double(*d.row.durationNs) / 1e9, 0, 'f', 1);
    html += row(u"Duration"_s, duration);
    html += row(u"Models"_s, joined(meta.value(u"models"_s)));
    html += row(u"Tools"_s, d.row.toolsUsed.join(u", "_s));
    html += u"</table>"_s;
    html += outcomeSection(d.data);
    html += enrichmentSection(d);
    html += decisionsSection(d.decisions);
    if (!d.annotation.isEmpty()) {
        html += u"<h3>Your annotation</h3><table>"_s + row(u"Score"_s, scoreText(d.annotation.humanScore))
            + row(u"Tags"_s, d.annotation.tags.join(u", "_s)) + row(u"Note"_s, d.annotation.note) + u"</table>"_s;
    }
    return html + turnsSection(d.data);
}

} // namespace lettascope::ui::trajectories
