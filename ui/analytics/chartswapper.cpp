// SPDX-License-Identifier: MIT
#include "chartswapper.h"

#include <QChart>
#include <QChartView>

namespace lettascope::ui::analytics {

ChartSwapper::ChartSwapper(QList<QChartView *> views, QObject *parent)
    : QObject(parent)
    , m_views(std::move(views))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ChartSwapper::installNext);
}

ChartSwapper::~ChartSwapper()
{
    cancel();
}

void ChartSwapper::swap(const QList<QChart *> &charts, std::function<void()> done)
{
    Q_ASSERT(charts.size() == m_views.size());
    cancel();
    m_pending = charts;
    m_next = 0;
    m_done = std::move(done);
    installNext(); // the first at once: a switch shows its first chart without waiting a turn
}

void ChartSwapper::installNext()
{
    if (m_next >= m_pending.size())
        return;
    QChartView *view = m_views[m_next];
    QChart *old = view->chart();
    view->setChart(m_pending[m_next]);
    delete old;
    ++m_next;
    if (m_next < m_pending.size()) {
        m_timer.start();
        return;
    }
    m_pending.clear();
    m_next = 0;
    if (auto done = std::exchange(m_done, {}))
        done();
}

void ChartSwapper::cancel()
{
    m_timer.stop();
    m_done = {};
    for (qsizetype i = m_next; i < m_pending.size(); ++i)
        delete m_pending[i];
    m_pending.clear();
    m_next = 0;
}

} // namespace lettascope::ui::analytics
