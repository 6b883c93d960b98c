// SPDX-License-Identifier: MIT
#include "stepspage.h"

#include "common/whenready.h"
#include "store/queries/detailqueries.h"
#include "ui/common/followsession.h"
#include "ui/common/format.h"
#include "ui/common/listpanel.h"
#include "ui/common/recordmodel.h"
#include "ui/common/viewsetup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QMessageBox>
#include <QPushButton>
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

StepsPage::StepsPage(session::Session &session, QWidget *parent)
    : DetailListPage(u"steps"_s, tr("steps"),
                     {tr("Status"), tr("Model"), tr("Tokens"), tr("Duration"), tr("Run"), tr("Agent"), tr("Error type"),
                      tr("Step id")},
                     session.reader(), parent)
    , m_run(lineEdit(this, u"stepsRunFilter"_s, tr("Run id (Ctrl+F)")))
    , m_model(lineEdit(this, u"stepsModelFilter"_s, tr("Model")))
    , m_status(new QComboBox(this))
    , m_trace(new QPushButton(tr("Provider trace"), this))
{
    m_trace->setObjectName(u"stepsProviderTrace"_s);
    m_trace->setToolTip(tr("Ask the server for the selected step's LLM request and response"));
    m_trace->setEnabled(false);
    m_status->setObjectName(u"stepsStatusFilter"_s);
    m_status->setAccessibleName(tr("Step status filter"));
    m_status->addItems({tr("Any status"), u"success"_s, u"failed"_s, u"pending"_s, u"cancelled"_s});
    filterRow()->addWidget(m_run, 2);
    filterRow()->addWidget(m_model, 1);
    filterRow()->addWidget(m_status, 1);
    filterRow()->addWidget(m_trace);
    connect(m_trace, &QPushButton::clicked, this, &StepsPage::loadTrace);
    list()->view()->setSortingEnabled(false); // the cache orders steps by their run; there is no other index
    for (QLineEdit *edit : {m_run, m_model})
        viewsetup::onTypingSettled(edit, this, [this] { requery(); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &StepsPage::requery);
    connect(&session, &session::Session::activeChanged, this, [this, &session] { setTraceFetcher(session.traceFetcher()); });
    setTraceFetcher(session.traceFetcher());
    followSession(session, this);
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

void StepsPage::setTraceFetcher(session::TraceFetcher fetcher)
{
    m_fetchTrace = std::move(fetcher);
    m_trace->setEnabled(bool(m_fetchTrace));
}

void StepsPage::loadTrace()
{
    const QModelIndex current = list()->view()->currentIndex();
    if (!m_fetchTrace || !current.isValid())
        return;
    const QString stepId = list()->model()->row(current.row()).key;
    m_trace->setEnabled(false);
    whenReady(m_fetchTrace(stepId), this, [this, stepId](const Result<std::optional<letta::ProviderTrace>> &trace) {
        m_trace->setEnabled(bool(m_fetchTrace));
        // The selection may have moved on while the server answered: only the step asked about gets it.
        const QModelIndex now = list()->view()->currentIndex();
        if (!now.isValid() || list()->model()->row(now.row()).key != stepId)
            return;
        if (!trace) {
            QMessageBox::warning(this, tr("Provider trace"), tr("The server did not send the trace: %1").arg(trace.error().message));
            return;
        }
        if (!*trace) {
            detail()->appendPlainText(tr("\nProvider trace: the server keeps none for this step."));
            return;
        }
        const auto pretty = [](const QJsonObject &object) {
            return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        };
        detail()->appendPlainText(tr("\nProvider trace (%1)\nRequest:\n%2\nResponse:\n%3")
                                      .arg((*trace)->callType.isEmpty() ? tr("LLM call") : (*trace)->callType,
                                           pretty((*trace)->request), pretty((*trace)->response)));
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
