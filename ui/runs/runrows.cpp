// SPDX-License-Identifier: MIT
#include "runrows.h"

#include "ui/common/format.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace lettascope::ui::runs {

QStringList headers()
{
    return {u"Status"_s, u"Agent"_s, u"Created"_s, u"Duration"_s, u"Steps"_s, u"Tokens"_s, u"Stop reason"_s,
            u"Tools"_s, u"Run id"_s};
}

store::RunQuery::Sort sortFor(int column)
{
    using Sort = store::RunQuery::Sort;
    switch (column) {
    case Status: return Sort::Status;
    case Agent: return Sort::Agent;
    case Duration: return Sort::Duration;
    case Steps: return Sort::Steps;
    case Tokens: return Sort::Tokens;
    case StopReason: return Sort::StopReason;
    default: return Sort::Created;
    }
}

TableRow runRow(const store::RunSummary &summary, qint64 nowMs, qint64 stuckAfterMs)
{
    const Run &run = summary.run;
    TableRow row;
    row.key = run.id;
    QString status = runStatusToString(run.status);
    const qint64 lastActivity = summary.lastActivityMs.value_or(run.createdMs.value_or(nowMs));
    if (run.status == RunStatus::Running || run.status == RunStatus::Created) {
        if (nowMs - lastActivity > stuckAfterMs) {
            row.marker = TableRow::Marker::Stuck;
            row.markerTip = u"Stuck: no new step for %1"_s.arg(format::durationMs(nowMs - lastActivity));
            status += u" ⚠ stuck"_s;
        } else {
            row.marker = TableRow::Marker::Running;
            row.markerTip = u"Running"_s;
        }
    } else if (run.status == RunStatus::Failed) {
        row.marker = TableRow::Marker::Failed;
        row.markerTip = run.errorText.isEmpty() ? u"Failed"_s : run.errorText;
    }
    row.cells = {status,
                 summary.agentName.isEmpty() ? run.agentId : summary.agentName,
                 format::time(run.createdMs),
                 format::durationNs(summary.durationNs()),
                 QString::number(summary.stepCount),
                 format::count(summary.totalTokens),
                 run.stopReason,
                 summary.toolsUsed.join(u", "_s),
                 run.id};
    row.payload = QVariant::fromValue(summary);
    return row;
}

ListLoader::Fetch runsFetch(const store::RunQuery &query, qint64 stuckAfterMs)
{
    return [query, stuckAfterMs](store::Database &db, qint64 offset, qint64 limit) -> Result<RowWindow> {
        store::RunQuery window = query;
        window.offset = offset;
        window.limit = limit;
        auto runs = store::listRuns(db, window);
        if (!runs)
            return runs.error();
        auto total = store::countRuns(db, query);
        if (!total)
            return total.error();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        RowWindow result{{}, *total};
        result.rows.reserve(runs->size());
        for (const auto &run : std::as_const(*runs))
            result.rows << runRow(run, now, stuckAfterMs);
        return result;
    };
}

} // namespace lettascope::ui::runs
