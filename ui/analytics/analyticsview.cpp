// SPDX-License-Identifier: MIT
#include "analyticsview.h"

#include "analytics/analyticsservice.h"
#include "analyticscharts.h"
#include "chartswapper.h"
#include "common/whenready.h"
#include "session/cachereader.h"
#include "session/session.h"
#include "store/queries/catalogqueries.h"
#include "trajectorypanel.h"
#include "ui/common/agentcombo.h"
#include "ui/common/followsession.h"
#include "ui/common/viewsetup.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace core = lettascope::analytics;

namespace lettascope::ui::analytics {

namespace {

QTableWidget *table(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *widget = new QTableWidget(0, int(headers.size()), parent);
    widget->setObjectName(name);
    widget->setHorizontalHeaderLabels(headers);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setStretchLastSection(true);
    return widget;
}

void fill(QTableWidget *widget, const QList<QStringList> &rows)
{
    widget->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c)
            widget->setItem(r, c, new QTableWidgetItem(rows[r][c]));
    }
    widget->resizeColumnsToContents();
}

QString percent(const std::optional<double> &rate)
{
    return rate ? u"%1%"_s.arg(*rate * 100, 0, 'f', 1) : QObject::tr("not reported");
}

QString seconds(const std::optional<qint64> &ns)
{
    return ns ? u"%1 s"_s.arg(double(*ns) / 1e9, 0, 'f', 1) : QObject::tr("not reported");
}

QString trendArrow(core::Trend trend)
{
    switch (trend) {
    case core::Trend::Up: return u"↑ better"_s;
    case core::Trend::Down: return u"↓ worse"_s;
    case core::Trend::Flat: return u"→ flat"_s;
    case core::Trend::Unknown: break;
    }
    return u"–"_s;
}

/// Range choices: days back from now, 0 for everything.
constexpr int kRangeDays[] = {7, 30, 90, 0};

} // namespace

AnalyticsView::AnalyticsView(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_range(new QComboBox(this))
    , m_agent(new QComboBox(this))
    , m_bucket(new QComboBox(this))
    , m_status(new QLabel(tr("Waiting for the cache…"), this))
    , m_chartPages(new QTabWidget(this))
    , m_chartGrid(new QWidget(this))
    , m_trajectoryPanel(new TrajectoryPanel(this))
    , m_leaderboard(table(u"leaderboard"_s, {tr("Agent"), tr("Runs"), tr("Success"), tr("Median duration"),
                                             tr("Tokens"), tr("Trend")}, this))
    , m_patterns(table(u"patterns"_s, {tr("Tool sequence"), tr("Failed runs"), tr("Successful runs"), tr("Support"),
                                       tr("Lift")}, this))
    , m_errors(table(u"recurringErrors"_s, {tr("Source"), tr("Count"), tr("Signature"), tr("Example runs")}, this))
    , m_stuck(table(u"stuckRuns"_s, {tr("Run"), tr("Agent"), tr("Idle since")}, this))
{
    setObjectName(u"analyticsView"_s);
    m_range->setObjectName(u"analyticsRange"_s);
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItems({tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("All time")});
    m_range->setCurrentIndex(1);
    m_agent->setObjectName(u"analyticsAgent"_s);
    m_agent->setAccessibleName(tr("Agent"));
    m_agent->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_agent->addItem(tr("All agents"));
    m_bucket->setObjectName(u"analyticsBucket"_s);
    m_bucket->setAccessibleName(tr("Bucket"));
    m_bucket->addItems({tr("By day"), tr("By week")});
    m_status->setObjectName(u"analyticsStatus"_s);
    auto *saveCharts = new QPushButton(tr("Save charts as PNG…"), this);
    saveCharts->setObjectName(u"analyticsSavePng"_s);
    auto *exportData = new QPushButton(tr("Export data as CSV…"), this);
    exportData->setObjectName(u"analyticsExportCsv"_s);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_range);
    bar->addWidget(m_agent);
    bar->addWidget(m_bucket);
    bar->addWidget(m_status, 1);
    bar->addWidget(saveCharts);
    bar->addWidget(exportData);

    auto *grid = new QGridLayout(m_chartGrid);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 4; ++i) {
        auto *view = new QChartView(m_chartGrid);
        view->setObjectName(u"analyticsChart%1"_s.arg(i));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        grid->addWidget(view, i / 2, i % 2);
        m_charts << view;
    }
    m_swapper = new ChartSwapper(m_charts, this);
    m_chartPages->setObjectName(u"analyticsChartPages"_s);
    m_chartPages->addTab(viewsetup::scrolling(m_chartGrid, this), tr("Runs"));
    m_chartPages->addTab(viewsetup::scrolling(m_trajectoryPanel, this), tr("Trajectories"));
    auto *tables = new QTabWidget(this);
    tables->setObjectName(u"analyticsTables"_s);
    tables->addTab(m_leaderboard, tr("Agent leaderboard"));
    tables->addTab(m_patterns, tr("Failure patterns"));
    tables->addTab(m_errors, tr("Recurring errors"));
    tables->addTab(m_stuck, tr("Stuck runs"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"analyticsSplitter"_s);
    split->addWidget(m_chartPages);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, &AnalyticsView::requestResult);
    connect(m_agent, &QComboBox::currentIndexChanged, this, &AnalyticsView::requestResult);
    connect(m_bucket, &QComboBox::currentIndexChanged, this, &AnalyticsView::requestResult);
    connect(saveCharts, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save charts"), u"analytics.png"_s, tr("PNG (*.png)"));
        if (!path.isEmpty() && !savePng(path))
            QMessageBox::warning(this, tr("Save charts"), tr("Could not write %1.").arg(path));
    });
    connect(exportData, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export data"), u"analytics.csv"_s, tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export data"), error);
    });
    connect(m_trajectoryPanel, &TrajectoryPanel::drillDownRequested, this, &AnalyticsView::drillDownRequested);
    connectRowActivation();
    connect(&session, &session::Session::cacheClosing, this, &AnalyticsView::detach);
    connect(&session, &session::Session::cacheOpened, this, &AnalyticsView::attach);
    attach();
    followSession(session, this);
}

AnalyticsView::~AnalyticsView() = default;

void AnalyticsView::attach()
{
    detach();
    m_service = m_session.analytics();
    if (!m_service)
        return;
    connect(m_service, &core::AnalyticsService::resultReady, this, &AnalyticsView::showResult);
    connect(m_service, &core::AnalyticsService::trajectoryStatsReady, m_trajectoryPanel, &TrajectoryPanel::setStats);
    connect(m_service, &core::AnalyticsService::computeFailed, this, [this](const Error &error) {
        m_status->setText(tr("Could not compute: %1").arg(error.message));
    });
    requestResult();
}

void AnalyticsView::detach()
{
    // The session destroys the service after this; its queued results must not arrive here meanwhile.
    if (m_service) {
        m_service->disconnect(this);
        m_service->disconnect(m_trajectoryPanel);
    }
    m_service = nullptr;
}

void AnalyticsView::setServer(qint64 serverId)
{
    m_serverId = serverId;
    {
        // Another server's agent would filter everything out; its own agents arrive with loadAgentNames().
        const QSignalBlocker block(m_agent);
        m_agent->setCurrentIndex(0);
    }
    loadAgentNames();
    requestResult();
}

void AnalyticsView::loadAgentNames()
{
    whenReady(m_session.reader().read<QList<store::AgentSummary>>([serverId = m_serverId](store::Database &db) {
        return store::listAgents(db, serverId);
    }), this, [this](const Result<QList<store::AgentSummary>> &agents) {
        if (!agents)
            return; // ids stand in for names
        m_agentNames.clear();
        for (const store::AgentSummary &agent : *agents)
            m_agentNames.insert(agent.agent.id, agent.agent.name);
        fillAgentCombo(m_agent, *agents);
        if (m_result)
            fillTables(*m_result);
    });
}

void AnalyticsView::requestResult()
{
    if (!m_service || m_serverId == 0)
        return;
    core::AnalyticsFilter filter;
    filter.serverId = m_serverId;
    filter.bucket = m_bucket->currentIndex() == 1 ? core::Bucket::Week : core::Bucket::Day;
    if (const int days = kRangeDays[m_range->currentIndex()]; days > 0)
        filter.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000;
    if (const QString agentId = m_agent->currentData().toString(); !agentId.isEmpty())
        filter.agentIds = {agentId};
    m_status->setText(tr("Computing…"));
    m_service->setFilter(filter);
}

void AnalyticsView::showResult(const core::AnalyticsResult &result, const core::ComputeStats &stats)
{
    const QList<QChart *> charts{runsChart(result), ratesChart(result), durationChart(result), toolsChart(result)};
    connectClicks(charts, result);
    // result() is what the charts show: it changes with the last chart in, when resultShown() says so.
    m_swapper->swap(charts, [this, result, stats] {
        m_result = result;
        fillTables(result);
        m_status->setText(tr("%n run(s) · %1 in %2 ms", nullptr, int(result.totalRuns))
                              .arg(stats.incremental ? tr("updated") : tr("computed"))
                              .arg(double(stats.elapsedUs) / 1000.0, 0, 'f', 1));
        Q_EMIT resultShown();
    });
}

void AnalyticsView::connectClicks(const QList<QChart *> &charts, const core::AnalyticsResult &result)
{
    // The runs chart's sets, in order: completed, failed, cancelled, other (no single status).
    const std::optional<RunStatus> statuses[] = {RunStatus::Completed, RunStatus::Failed, RunStatus::Cancelled, std::nullopt};
    onBarClicked(charts[0], [this, result, statuses](int set, int bucket, const QString &) {
        Q_EMIT drillDownRequested(bucketRuns(result, bucket, statuses[set]));
    });
    for (QChart *chart : {charts[1], charts[2]}) {
        onPointClicked(chart, [this, result](int bucket) {
            if (bucket >= 0 && bucket < result.buckets.size())
                Q_EMIT drillDownRequested(bucketRuns(result, bucket, std::nullopt));
        });
    }
    onBarClicked(charts[3], [this, filter = result.filter](int, int, const QString &tool) {
        Q_EMIT drillDownRequested(toolRuns(filter, tool));
    });
}

void AnalyticsView::connectRowActivation()
{
    // Double-click or Enter, as in every list of the app: a single click only selects.
    connect(m_leaderboard, &QTableWidget::cellActivated, this, [this](int row) {
        if (m_result && row < m_result->leaderboard.size()) {
            const QString id = m_result->leaderboard[row].agentId;
            Q_EMIT drillDownRequested(agentRuns(m_result->filter, id, agentName(id)));
        }
    });
    connect(m_errors, &QTableWidget::cellActivated, this, [this](int row) {
        if (m_result && row < m_result->recurringErrors.size())
            Q_EMIT drillDownRequested(errorRuns(m_result->filter, m_result->recurringErrors[row]));
    });
    connect(m_stuck, &QTableWidget::cellActivated, this, [this](int row) {
        if (m_result && row < m_result->stuckRuns.size())
            Q_EMIT drillDownRequested(oneRun(m_result->stuckRuns[row].runId));
    });
}

void AnalyticsView::fillTables(const core::AnalyticsResult &result)
{
    QList<QStringList> rows;
    for (const core::AgentRow &agent : result.leaderboard) {
        rows << QStringList{agentName(agent.agentId), QString::number(agent.runs), percent(agent.successRate),
                            seconds(agent.medianDurationNs),
                            agent.totalTokens ? QLocale().toString(*agent.totalTokens) : tr("not reported"),
                            trendArrow(agent.trend)};
    }
    fill(m_leaderboard, rows);
    rows.clear();
    for (const core::NGramPattern &pattern : result.patterns) {
        rows << QStringList{pattern.tools.join(u" → "_s), QString::number(pattern.failedRuns),
                            QString::number(pattern.successfulRuns), u"%1%"_s.arg(pattern.support * 100, 0, 'f', 1),
                            QString::number(pattern.lift, 'f', 2)};
    }
    fill(m_patterns, rows);
    rows.clear();
    for (const core::ErrorGroup &group : result.recurringErrors) {
        rows << QStringList{group.source, QString::number(group.count), group.signature,
                            group.exampleRunIds.join(u", "_s)};
    }
    fill(m_errors, rows);
    rows.clear();
    for (const core::StuckRun &run : result.stuckRuns) {
        rows << QStringList{run.runId, agentName(run.agentId),
                            QDateTime::fromMSecsSinceEpoch(run.lastActivityMs).toString(u"yyyy-MM-dd HH:mm"_s)};
    }
    fill(m_stuck, rows);
}

bool AnalyticsView::exportCsv(const QString &path, QString *error) const
{
    if (!m_result) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return file.write(bucketsCsv(*m_result).toUtf8()) >= 0;
}

bool AnalyticsView::savePng(const QString &path) const
{
    QWidget *page = m_chartPages->currentIndex() == 0 ? m_chartGrid : static_cast<QWidget *>(m_trajectoryPanel);
    return page->grab().save(path, "PNG"); // the whole page, also where it scrolls
}

} // namespace lettascope::ui::analytics
