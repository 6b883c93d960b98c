// SPDX-License-Identifier: MIT
#include "runspage.h"

#include "common/whenready.h"
#include "rundetailview.h"
#include "runrows.h"
#include "session/appsettings.h"
#include "session/cachereader.h"
#include "store/queries/catalogqueries.h"
#include "ui/common/agentcombo.h"
#include "ui/common/followsession.h"
#include "ui/common/listpanel.h"
#include "ui/common/recordmodel.h"
#include "ui/common/viewsetup.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace lettascope::ui::runs {

namespace {
// Letta's stop reasons (letta_stop_reason.py); the cache may hold others, which free text still finds.
const QStringList kStopReasons{u"end_turn"_s,      u"error"_s,         u"llm_api_error"_s, u"invalid_llm_response"_s,
                               u"invalid_tool_call"_s, u"max_steps"_s, u"no_tool_call"_s,  u"tool_rule"_s,
                               u"cancelled"_s,     u"requires_approval"_s};

/// The range combo's data for the custom range: presets hold hours back from now, 0 is any time.
constexpr int kCustomRange = -1;

/// "2026-11-20 UTC" for one UTC day (an Analytics bucket), else "2026-11-20 – 2026-11-27 UTC"; times only
/// when not midnight.
QString rangeText(std::optional<qint64> sinceMs, std::optional<qint64> untilMs)
{
    constexpr qint64 kDayMs = 86'400'000;
    const auto at = [](std::optional<qint64> ms) {
        if (!ms)
            return u"…"_s;
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
        return time.toString(*ms % kDayMs == 0 ? u"yyyy-MM-dd"_s : u"yyyy-MM-dd HH:mm"_s);
    };
    if (sinceMs && untilMs && *sinceMs % kDayMs == 0 && *untilMs - *sinceMs == kDayMs)
        return u"%1 UTC"_s.arg(at(sinceMs));
    return u"%1 – %2 UTC"_s.arg(at(sinceMs), at(untilMs));
}

QComboBox *combo(QWidget *parent, const QString &name, const QString &accessible)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setAccessibleName(accessible);
    return box;
}
} // namespace

RunsPage::RunsPage(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_reader(session.reader())
    , m_list(new ListPanel(u"runs"_s, tr("runs"), headers(), session.reader(), this))
    , m_detail(new RunDetailView(session.reader(), this))
    , m_agent(combo(this, u"runsAgentFilter"_s, tr("Agent filter")))
    , m_status(combo(this, u"runsStatusFilter"_s, tr("Status filter")))
    , m_stopReason(combo(this, u"runsStopReasonFilter"_s, tr("Stop reason filter")))
    , m_range(combo(this, u"runsRangeFilter"_s, tr("Date range filter")))
    , m_text(new QLineEdit(this))
{
    setObjectName(u"runsPage"_s);
    m_agent->addItem(tr("All agents"));
    m_status->addItem(tr("Any status"));
    for (auto status : {RunStatus::Running, RunStatus::Completed, RunStatus::Failed, RunStatus::Cancelled, RunStatus::Created})
        m_status->addItem(runStatusToString(status), int(status));
    m_stopReason->addItem(tr("Any stop reason"));
    m_stopReason->addItems(kStopReasons);
    for (const auto &[label, hours] : {std::pair{tr("Any time"), 0}, {tr("Last hour"), 1}, {tr("Last 24 hours"), 24},
                                       {tr("Last 7 days"), 24 * 7}, {tr("Last 30 days"), 24 * 30}})
        m_range->addItem(label, hours);
    m_text->setObjectName(u"runsTextFilter"_s);
    m_text->setAccessibleName(tr("Filter runs"));
    m_text->setPlaceholderText(tr("Filter: run id, agent, tool, error… (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    auto *compare = new QPushButton(tr("Compare…"), this);
    compare->setObjectName(u"runsCompare"_s);
    compare->setToolTip(tr("Compare the two selected runs (Ctrl+click to select a second one), or the selected run "
                           "with the one above it"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 2);
    for (QComboBox *box : {m_agent, m_status, m_stopReason, m_range})
        filters->addWidget(box, 1);
    filters->addWidget(compare);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(viewsetup::listDetailSplit(u"runsSplit"_s, m_list, m_detail, this), 1);

    viewsetup::onTypingSettled(m_text, this, [this] { requery(); });
    for (QComboBox *box : {m_agent, m_status, m_stopReason, m_range})
        connect(box, &QComboBox::currentIndexChanged, this, &RunsPage::requery);
    connect(m_list->model(), &RecordModel::sortRequested, this, [this](int column, Qt::SortOrder order) {
        m_sort = sortFor(column);
        m_descending = order == Qt::DescendingOrder;
        requery();
    });
    connect(m_list, &ListPanel::currentChanged, this, [this](const QVariant &payload) {
        if (payload.canConvert<store::RunSummary>())
            m_detail->showRun(m_serverId, payload.value<store::RunSummary>().run.id);
    });
    connect(m_list, &ListPanel::activated, this, [this] { m_detail->timeline()->setFocus(); });
    // Any two runs: Ctrl+click selects the second one.
    m_list->view()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(compare, &QPushButton::clicked, this, [this] {
        const QModelIndexList selected = m_list->view()->selectionModel()->selectedRows();
        if (selected.size() == 2) {
            Q_EMIT compareRequested(m_list->model()->row(selected[0].row()).key, m_list->model()->row(selected[1].row()).key);
            return;
        }
        const QModelIndex current = m_list->view()->currentIndex();
        if (!current.isValid() || m_list->model()->rowCount() < 2)
            return;
        const int other = current.row() > 0 ? current.row() - 1 : 1;
        Q_EMIT compareRequested(m_list->model()->row(current.row()).key, m_list->model()->row(other).key);
    });
    m_stuckAfterMs = qint64(session.settings().stuckAfterMinutes()) * 60'000;
    connect(&session.settings(), &session::AppSettings::stuckAfterChanged, this, &RunsPage::setStuckAfterMinutes);
    followSession(session, this);
}

void RunsPage::setServer(qint64 serverId)
{
    m_serverId = serverId;
    m_detail->clear();
    loadAgents();
    requery();
}

void RunsPage::setStuckAfterMinutes(int minutes)
{
    m_stuckAfterMs = qint64(minutes) * 60'000;
    refresh();
}

store::RunQuery RunsPage::query() const
{
    store::RunQuery q;
    q.serverId = m_serverId;
    if (const QString agent = m_agent->currentData().toString(); !agent.isEmpty())
        q.agentIds = {agent};
    if (m_status->currentIndex() > 0)
        q.statuses = {RunStatus(m_status->currentData().toInt())};
    if (m_stopReason->currentIndex() > 0)
        q.stopReasons = {m_stopReason->currentText()};
    if (const int hours = m_range->currentData().toInt(); hours > 0) {
        q.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64(hours) * 3'600'000;
    } else if (hours == kCustomRange) {
        q.sinceMs = m_customSinceMs;
        q.untilMs = m_customUntilMs;
    }
    q.text = m_text->text();
    q.sort = m_sort;
    q.descending = m_descending;
    return q;
}

void RunsPage::requery()
{
    if (m_serverId == 0)
        return;
    m_list->loader()->setFetch(runsFetch(query(), m_stuckAfterMs));
}

void RunsPage::refresh()
{
    m_list->loader()->refresh();
}

void RunsPage::cacheChanged(const store::ChangeSet &changes)
{
    if (changes.serverId != 0 && changes.serverId != m_serverId)
        return;
    if (changes.has(store::ChangeSet::Agents))
        loadAgents();
    if (changes.has(store::ChangeSet::Runs) || changes.has(store::ChangeSet::Steps) || changes.has(store::ChangeSet::Messages)) {
        refresh();
        m_detail->runsChanged(changes.runIds);
    }
}

void RunsPage::openRun(const QString &runId)
{
    if (!m_list->selectKey(runId))
        m_detail->showRun(m_serverId, runId);
}

void RunsPage::filterByAgent(const QString &agentId)
{
    const int index = m_agent->findData(agentId);
    m_agent->setCurrentIndex(index >= 0 ? index : 0);
}

void RunsPage::showMatching(const store::RunQuery &filters)
{
    {
        const QSignalBlocker blockAgent(m_agent), blockStatus(m_status), blockStop(m_stopReason), blockRange(m_range);
        const QSignalBlocker blockText(m_text);
        const QString agent = filters.agentIds.value(0);
        if (!agent.isEmpty() && m_agent->findData(agent) < 0)
            m_agent->addItem(agent, agent); // the names arrive with the next agents load
        m_agent->setCurrentIndex(agent.isEmpty() ? 0 : m_agent->findData(agent));
        m_status->setCurrentIndex(filters.statuses.isEmpty() ? 0 : qMax(0, m_status->findData(int(filters.statuses.first()))));
        m_stopReason->setCurrentIndex(filters.stopReasons.isEmpty() ? 0 : qMax(0, m_stopReason->findText(filters.stopReasons.first())));
        m_text->setText(filters.text);
        m_detail->clear(); // the run shown before is likely not in the new list
        if (const int custom = m_range->findData(kCustomRange); custom >= 0)
            m_range->removeItem(custom);
        m_customSinceMs = filters.sinceMs;
        m_customUntilMs = filters.untilMs;
        if (filters.sinceMs || filters.untilMs) {
            m_range->addItem(rangeText(filters.sinceMs, filters.untilMs), kCustomRange);
            m_range->setItemData(m_range->count() - 1, m_range->itemText(m_range->count() - 1), Qt::ToolTipRole);
            m_range->setCurrentIndex(m_range->count() - 1);
        } else {
            m_range->setCurrentIndex(0);
        }
    }
    requery();
}

void RunsPage::focusFilter()
{
    m_text->setFocus();
    m_text->selectAll();
}

void RunsPage::loadAgents()
{
    const Generation::Token generation = m_agentGeneration.next();
    whenReady(m_reader.read<QList<store::AgentSummary>>([serverId = m_serverId](store::Database &db) {
        return store::listAgents(db, serverId);
    }), this, [this, generation](const Result<QList<store::AgentSummary>> &agents) {
        if (!m_agentGeneration.isCurrent(generation) || !agents)
            return;
        fillAgentCombo(m_agent, *agents);
    });
}

} // namespace lettascope::ui::runs
