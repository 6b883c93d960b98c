// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/trajectorystats.h"
#include "drilldown.h"

#include <QWidget>

#include <optional>

class QChartView;
class QLabel;
class QStackedWidget;

namespace lettascope::ui::analytics {

class ChartSwapper;

/**
 * The Analytics tab's trajectory charts: score distribution, complexity, categories, tags and the semantic
 * map. Draws finished TrajectoryStats; says plainly when there is nothing processed to draw. Clicking a bar
 * or a point asks for the matching trajectories.
 */
class TrajectoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrajectoryPanel)

public:
    explicit TrajectoryPanel(QWidget *parent = nullptr);

    void setStats(const lettascope::analytics::TrajectoryStats &stats);
    /// What the charts show: set once the last chart of a new result is in.
    const std::optional<lettascope::analytics::TrajectoryStats> &stats() const { return m_stats; }
    /// Scores, complexity, categories, tags, semantic map.
    QList<QChartView *> charts() const { return m_charts; }

Q_SIGNALS:
    void drillDownRequested(const lettascope::ui::analytics::DrillDown &request);

private:
    QString summaryText(const lettascope::analytics::TrajectoryStats &stats) const;

    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<QChartView *> m_charts;
    ChartSwapper *m_swapper = nullptr;
    std::optional<lettascope::analytics::TrajectoryStats> m_stats;
};

} // namespace lettascope::ui::analytics
