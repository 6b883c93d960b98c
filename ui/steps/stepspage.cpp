// SPDX-License-Identifier: MIT
#include "stepspage.h"

#include "common/format.h"
#include "common/listpanel.h"
#include "common/viewsetup.h"
#include "store/queries/detailqueries.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLineEdit>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace lettascope::ui::steps {

namespace {
TableRow stepRow(const Step &step)
{
    TableRow row;
    row.key = step.id;
    const std::optional<qint64> duration = step.metrics ? step.metrics->stepNs : std::nullopt;
    row.cells = {step.status.isEmpty() ? u"—"_s : step.status, step.model, format::count(step.totalTokens),
                 format::durationNs(duration), step.runId, step.agentId, step.errorType, step.id};
    if (step.status == u"failed" || !step.errorType.isEmpty()) {
        row.marker = TableRow::Marker::Failed;
        row.markerTip = step.errorText.isEmpty() ? step.errorType : step.errorText;
    }
    row.payload = QVariant::fromValue(step);
    return row;
}

QLineEdit *lineEdit(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(placeholder);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}
} // namespace

StepsPage::StepsPage(session::CacheReader &reader, QWidget *parent)
    : DetailListPage(u"steps"_s, tr("steps"),
                     {tr("Status"), tr("Model"), tr("Tokens"), tr("Duration"), tr("Run"), tr("Agent"), tr("Error type"),
                      tr("Step id")},
                     reader, parent)
    , m_run(lineEdit(this, u"stepsRunFilter"_s, tr("Run id (Ctrl+F)")))
    , m_model(lineEdit(this, u"stepsModelFilter"_s, tr("Model")))
    , m_status(new QComboBox(this))
{
    m_status->setObjectName(u"stepsStatusFilter"_s);
    m_status->setAccessibleName(tr("Step status filter"));
    m_status->addItems({tr("Any status"), u"success"_s, u"failed"_s, u"pending"_s, u"cancelled"_s});
    filterRow()->addWidget(m_run, 2);
    filterRow()->addWidget(m_model, 1);
    filterRow()->addWidget(m_status, 1);
    list()->view()->setSortingEnabled(false); // the cache orders steps by their run; there is no other index
    for (QLineEdit *edit : {m_run, m_model})
        viewsetup::onTypingSettled(edit, this, [this] { requery(); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &StepsPage::requery);
}

void StepsPage::setServer(qint64 serverId)
{
    m_serverId = serverId;
    requery();
}

void StepsPage::requery()
{
    if (m_serverId == 0)
        return;
    store::StepQuery q;
    q.serverId = m_serverId;
    q.runId = m_run->text().trimmed();
    q.model = m_model->text().trimmed();
    if (m_status->currentIndex() > 0)
        q.status = m_status->currentText();
    list()->loader()->setFetch([q](store::Database &db, qint64 offset, qint64 limit) -> Result<RowWindow> {
        store::StepQuery window = q;
        window.offset = offset;
        window.limit = limit;
        auto steps = store::listSteps(db, window);
        if (!steps)
            return steps.error();
        RowWindow result;
        for (const Step &step : std::as_const(*steps))
            result.rows << stepRow(step);
        // No count query for steps: a full window means there may be more.
        result.total = offset + result.rows.size() + (result.rows.size() == limit ? 1 : 0);
        return result;
    });
}

void StepsPage::cacheChanged(const store::ChangeSet &changes)
{
    if (changes.has(store::ChangeSet::Steps))
        list()->loader()->refresh();
}

void StepsPage::focusFilter()
{
    m_run->setFocus();
    m_run->selectAll();
}

QString StepsPage::detailText(const QVariant &payload) const
{
    const Step step = payload.value<Step>();
    QString text = tr("Step %1\nRun %2 · agent %3\nModel %4 (%5, provider %6) · status %7 · stop reason %8\n\n")
                       .arg(step.id, step.runId, step.agentId, step.model, step.modelHandle, step.providerName,
                            step.status, step.stopReason);
    text += tr("Tokens: prompt %1 · completion %2 · total %3 · cached %4 · cache write %5 · reasoning %6\n")
                .arg(format::count(step.promptTokens), format::count(step.completionTokens), format::count(step.totalTokens),
                     format::count(step.cachedTokens), format::count(step.cacheWriteTokens), format::count(step.reasoningTokens));
    if (step.metrics) {
        const StepMetrics &m = *step.metrics;
        text += tr("Metrics: step %1 · LLM request %2 · tool execution %3 · started %4\n")
                    .arg(format::durationNs(m.stepNs), format::durationNs(m.llmRequestNs), format::durationNs(m.toolExecutionNs),
                         m.stepStartNs ? format::time(*m.stepStartNs / 1'000'000) : u"—"_s);
    } else {
        text += tr("Metrics: not fetched yet (they are backfilled over syncs)\n");
    }
    if (!step.errorType.isEmpty() || !step.errorText.isEmpty())
        text += tr("\nError %1\n%2\n").arg(step.errorType, step.errorText);
    if (!step.traceId.isEmpty())
        text += tr("Trace id %1\n").arg(step.traceId);
    text += u"\n━━ Raw JSON\n"_s + QString::fromUtf8(QJsonDocument(step.raw).toJson(QJsonDocument::Indented));
    return text;
}

} // namespace lettascope::ui::steps
