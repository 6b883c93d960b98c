// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

class QChart;
class QChartView;

namespace lettascope::ui::analytics {

/**
 * Puts new charts into their views one per event-loop turn. Installing a chart with many categories and
 * painting it takes 5–20 ms; doing all of a page's charts at once stalled the GUI thread for 50–75 ms on a
 * filter switch. One at a time, each paints before the next is installed and input is handled between them.
 * A newer set of charts replaces the one still being installed; the charts not yet shown are deleted.
 */
class ChartSwapper final : public QObject
{
public:
    ChartSwapper(QList<QChartView *> views, QObject *parent);
    ~ChartSwapper() override;

    /// Takes ownership of `charts` (one per view, in order); `done` runs once the last one is in.
    void swap(const QList<QChart *> &charts, std::function<void()> done = {});
    /// Drops the charts not installed yet; their `done` never runs.
    void cancel();

private:
    void installNext();

    QList<QChartView *> m_views;
    QList<QChart *> m_pending;      ///< owned until installed
    qsizetype m_next = 0;
    std::function<void()> m_done;
    QTimer m_timer;
};

} // namespace lettascope::ui::analytics
