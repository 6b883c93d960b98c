// SPDX-License-Identifier: MIT
// Event-loop latency of the real main window (offscreen) while it syncs the demo server from scratch and while
// the Runs list is scrolled to the end (windows fetched as it goes): the longest gap between 5 ms timer ticks,
// minus 5 ms, is the longest the GUI thread was busy. Also app start to first paint, and switching the Analytics
// tab's agent filter until its charts are redrawn. Prints figures only.
#include "benchsupport.h"
#include "letta/profilestore.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "session/syncservice.h"
#include "ui/analytics/analyticsview.h"
#include "ui/common/listpanel.h"
#include "ui/common/recordmodel.h"
#include "ui/runs/runspage.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace benchsupport;

namespace {

/// Ticks every 5 ms and records how late each tick came.
class LatencyProbe
{
public:
    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_stalls.push_back(double(now - m_last) / 1e6 - 5.0);
            m_last = now;
        });
    }
    void start()
    {
        m_stalls.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worst() const { return m_stalls.empty() ? 0 : *std::max_element(m_stalls.begin(), m_stalls.end()); }
    double p99() const
    {
        if (m_stalls.empty())
            return 0;
        std::vector<double> sorted = m_stalls;
        std::sort(sorted.begin(), sorted.end());
        return sorted[sorted.size() * 99 / 100];
    }
    size_t ticks() const { return m_stalls.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_stalls;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_s));
    session::AppSettings settings(std::make_unique<QSettings>(dir.filePath(u"app.ini"_s), QSettings::IniFormat));
    settings.setSyncIntervalSeconds(0);
    session::SessionOptions options;
    options.demo = true;
    session::Session session(options, settings,
                             std::make_unique<letta::ProfileStore>(std::make_unique<QSettings>(dir.filePath(u"p.ini"_s), QSettings::IniFormat)));
    LatencyProbe probe;
    QSignalSpy synced(session.sync(), &session::SyncService::finished);
    if (!session.start())
        qFatal("the demo did not start");
    ui::MainWindow window(session);
    // --hidden: the same without painting, to tell rendering cost from model and query cost.
    const bool hidden = QCoreApplication::arguments().contains(u"--hidden"_s);
    if (!hidden)
        window.show();
    QCoreApplication::processEvents();
    const double firstPaintMs = double(startup.nsecsElapsed()) / 1e6;
    probe.start(); // the first sync is under way (start() began it); measure from the first paint on
    QElapsedTimer syncTimer;
    syncTimer.start();
    if (!synced.wait(300'000))
        qFatal("sync timed out");
    const double syncMs = double(syncTimer.nsecsElapsed()) / 1e6;
    probe.stop();
    const double syncWorst = probe.worst(), syncP99 = probe.p99();
    const size_t syncTicks = probe.ticks();

    // Scroll the runs list to the end a page at a time; windows arrive through fetchMore.
    QTableView *view = window.runsPage()->list()->view();
    ui::RecordModel *model = window.runsPage()->list()->model();
    QTest::qWait(500);
    probe.start();
    QElapsedTimer scrollTimer;
    scrollTimer.start();
    while ((model->rowCount() < model->total() || view->verticalScrollBar()->value() < view->verticalScrollBar()->maximum())
           && scrollTimer.elapsed() < 60'000) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + view->verticalScrollBar()->pageStep());
        QTest::qWait(16);
    }
    probe.stop();
    const double scrollWorst = probe.worst(), scrollP99 = probe.p99();
    const size_t scrollTicks = probe.ticks();

    // Analytics: switch the agent filter through every agent and back to all, each switch timed from the
    // choice to the redrawn charts (the worker computes, the GUI thread only draws finished series).
    window.showTab(ui::MainWindow::AnalyticsTab);
    auto *analytics = window.findChild<ui::analytics::AnalyticsView *>();
    auto *range = analytics->findChild<QComboBox *>(u"analyticsRange"_s);
    auto *agent = analytics->findChild<QComboBox *>(u"analyticsAgent"_s);
    QSignalSpy shown(analytics, &ui::analytics::AnalyticsView::resultShown);
    range->setCurrentIndex(range->count() - 1); // all time
    shown.wait(30'000);
    QTest::qWait(500);
    std::vector<double> switchMs;
    probe.start();
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < agent->count(); ++i) {
            const int target = (i + 1) % agent->count(); // ends on "All agents"
            shown.clear();
            QElapsedTimer switchTimer;
            switchTimer.start();
            agent->setCurrentIndex(target);
            if (!shown.wait(30'000))
                qFatal("analytics did not redraw");
            switchMs.push_back(double(switchTimer.nsecsElapsed()) / 1e6);
        }
    }
    probe.stop();

    std::printf("GUI event-loop latency (offscreen%s), demo server %lld runs\n", hidden ? ", window hidden" : "",
                model->total());
    std::printf("machine: %s\n", qPrintable(machineLine()));
    std::printf("start to first paint (incl. demo generation)  %8.1f ms\n", firstPaintMs);
    std::printf("first full sync                               %8.1f ms\n", syncMs);
    std::printf("during sync: longest stall %.1f ms, p99 %.1f ms (%zu ticks)\n", syncWorst, syncP99, syncTicks);
    std::printf("while scrolling %d rows: longest stall %.1f ms, p99 %.1f ms (%zu ticks)\n", model->rowCount(),
                scrollWorst, scrollP99, scrollTicks);
    std::printf("analytics filter switch to redrawn charts: median %.1f ms, worst %.1f ms over %zu switches "
                "(budget 200 ms); longest GUI stall %.1f ms (budget 50 ms)\n",
                median(switchMs), *std::max_element(switchMs.begin(), switchMs.end()), switchMs.size(), probe.worst());
    std::printf("RSS at the end                                %8lld KiB\n", residentKiB());
    return 0;
}
