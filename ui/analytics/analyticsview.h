// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/analyticsresult.h"
#include "drilldown.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace lettascope::analytics {
class AnalyticsService;
struct ComputeStats;
}
namespace lettascope::session {
class Session;
}

namespace lettascope::ui::analytics {

class ChartSwapper;
class TrajectoryPanel;

/**
 * The Analytics tab: trend charts and pattern tables for the active server. The numbers come finished from
 * the session's AnalyticsService worker (one per cache, replaced when the session switches caches) and follow every
 * sync incrementally; this widget only draws them. Clicking a bar, a point or a table row asks for the
 * matching runs or trajectories (drillDownRequested); the window shows them.
 */
class AnalyticsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsView)

public:
    explicit AnalyticsView(session::Session &session, QWidget *parent = nullptr);
    ~AnalyticsView() override;

    void setServer(qint64 serverId);
    const std::optional<lettascope::analytics::AnalyticsResult> &result() const { return m_result; }
    QList<QChartView *> charts() const { return m_charts; }
    TrajectoryPanel *trajectoryPanel() const { return m_trajectoryPanel; }
    /// The bucket table as CSV / the charts of the page shown (runs or trajectories) as one PNG; false
    /// with a reason on failure.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool savePng(const QString &path) const;

Q_SIGNALS:
    void resultShown();
    void drillDownRequested(const lettascope::ui::analytics::DrillDown &request);

private:
    void attach();
    void detach();
    void requestResult();
    void showResult(const lettascope::analytics::AnalyticsResult &result, const lettascope::analytics::ComputeStats &stats);
    void fillTables(const lettascope::analytics::AnalyticsResult &result);
    void connectClicks(const QList<QChart *> &charts, const lettascope::analytics::AnalyticsResult &result);
    void connectRowActivation();
    void loadAgentNames();
    QString agentName(const QString &id) const { return m_agentNames.value(id, id); }

    session::Session &m_session;
    lettascope::analytics::AnalyticsService *m_service = nullptr; ///< the session's, while a cache is open
    qint64 m_serverId = 0;
    QComboBox *m_range = nullptr;
    QComboBox *m_agent = nullptr;
    QComboBox *m_bucket = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_chartPages = nullptr;
    QWidget *m_chartGrid = nullptr;
    TrajectoryPanel *m_trajectoryPanel = nullptr;
    QList<QChartView *> m_charts;
    ChartSwapper *m_swapper = nullptr;
    QTableWidget *m_leaderboard = nullptr;
    QTableWidget *m_patterns = nullptr;
    QTableWidget *m_errors = nullptr;
    QTableWidget *m_stuck = nullptr;
    QHash<QString, QString> m_agentNames;   ///< id -> name, for the tables
    std::optional<lettascope::analytics::AnalyticsResult> m_result;
};

} // namespace lettascope::ui::analytics
