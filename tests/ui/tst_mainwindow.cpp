// SPDX-License-Identifier: MIT
// The real main window against the built-in demo server: sync, every tab, runs list and detail, filters,
// the command palette, merging refreshes, comparing runs, search, going offline and back.
#include "analytics/trajectorystats.h"
#include "appserver/importreport.h"
#include "demo/demodataset.h"
#include "demo/demoserverthread.h"
#include "demo/demostore.h"
#include "fakeappserver.h"
#include "letta/profilestore.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "store/sqlite.h"
#include "testsupport.h"
#include "trajectories/search/filterindex.h"
#include "trajectories/trajectoryservice.h"
#include "ui/agents/agentspage.h"
#include "ui/analytics/analyticsview.h"
#include "ui/analytics/trajectorycharts.h"
#include "ui/analytics/trajectorypanel.h"
#include "ui/common/errorbanner.h"
#include "ui/common/listpanel.h"
#include "ui/common/recordmodel.h"
#include "ui/compare/comparedialog.h"
#include "ui/runs/rundetailview.h"
#include "ui/runs/runspage.h"
#include "ui/settings/agentaccesspanel.h"
#include "ui/shell/commandpalette.h"
#include "ui/shell/demobanner.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/serverswitcher.h"
#include "ui/shell/syncstatus.h"
#include "ui/steps/stepspage.h"
#include "ui/trajectories/trajectoriesview.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <functional>

using namespace Qt::StringLiterals;
using namespace lettascope;

class TestMainWindow : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void exportFinished(const QString &error);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<session::AppSettings> m_settings;
    std::unique_ptr<session::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::ListPanel *runsList() const { return m_window->runsPage()->list(); }
    ui::RecordModel *runsModel() const { return runsList()->model(); }

    bool syncOnce()
    {
        QSignalSpy finished(m_session->sync(), &session::SyncService::finished);
        m_session->sync()->syncNow();
        return finished.wait(120'000);
    }

    ui::analytics::AnalyticsView *analyticsView() const { return m_window->findChild<ui::analytics::AnalyticsView *>(); }
    ui::trajectories::TrajectoriesView *trajectoriesView() const
    {
        return m_window->findChild<ui::trajectories::TrajectoriesView *>();
    }

    /// What a click on the bar of `category` in the chart's set `set` does (Qt Charts has no hit test).
    static bool clickBar(QChartView *view, int set, const QString &category)
    {
        for (QAbstractSeries *series : view->chart()->series()) {
            auto *bars = qobject_cast<QAbstractBarSeries *>(series);
            for (QAbstractAxis *axis : bars ? bars->attachedAxes() : QList<QAbstractAxis *>()) {
                if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
                    const int index = int(categories->categories().indexOf(category));
                    if (index < 0)
                        return false;
                    Q_EMIT bars->barSets().at(set)->clicked(index);
                    return true;
                }
            }
        }
        return false;
    }

    /// Shows the page of `tabs` that holds `widget` (pages may wrap their content in a scroll area).
    static bool showPageOf(QTabWidget *tabs, QWidget *widget)
    {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i) == widget || tabs->widget(i)->isAncestorOf(widget)) {
                tabs->setCurrentIndex(i);
                return true;
            }
        }
        return false;
    }

    void grab(const QString &name)
    {
        // Screenshots for people to look at: set LETTASCOPE_SCREENSHOTS to a folder.
        const QString dir = qEnvironmentVariable("LETTASCOPE_SCREENSHOTS");
        if (!dir.isEmpty())
            m_window->grab().save(QDir(dir).filePath(name + u".png"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"LettascopeTest"_s);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
        QStandardPaths::setTestModeEnabled(true);
        m_settings = std::make_unique<session::AppSettings>(
            std::make_unique<QSettings>(m_dir.filePath(u"app.ini"_s), QSettings::IniFormat));
        m_settings->setSyncIntervalSeconds(0); // syncs happen when the test says
        m_settings->setStepMetricsBudget(200);
        session::SessionOptions options;
        options.cachePath = m_dir.filePath(u"user-cache.db"_s);
        auto profiles = std::make_unique<letta::ProfileStore>(
            std::make_unique<QSettings>(m_dir.filePath(u"profiles.ini"_s), QSettings::IniFormat));
        m_session = std::make_unique<session::Session>(options, *m_settings, std::move(profiles));
        QSignalSpy finished(m_session->sync(), &session::SyncService::finished);
        // No profile configured: the first run opens the demo.
        QVERIFY(m_session->start());
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isDemo(), 30'000); // activation finishes off the GUI thread
        QVERIFY(!m_session->cachePath().startsWith(m_dir.path())); // never the user's cache
        m_window = std::make_unique<ui::MainWindow>(*m_session);
        m_window->resize(1400, 860);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(finished.wait(120'000));
        QVERIFY(!QFile::exists(options.cachePath));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
    }

    void demoBannerShown()
    {
        QVERIFY(m_window->demoBanner()->isVisible());
        QCOMPARE(m_session->sync()->state(), session::ConnectionState::Online);
        QVERIFY(!m_session->sync()->serverVersion().isEmpty());
    }

    void runsTabShowsRuns()
    {
        QCOMPARE(m_window->tabs()->currentIndex(), int(ui::MainWindow::RunsTab));
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->rowCount() > 0, 10'000);
        QVERIFY(runsModel()->total() >= runsModel()->rowCount());
        QVERIFY(runsList()->statusText().contains(u"runs"_s));
        grab(u"runs"_s);
    }

    void openingARunShowsItsTimeline()
    {
        auto *detail = m_window->runsPage()->detail();
        QSignalSpy loaded(detail, &ui::runs::RunDetailView::loaded);
        runsList()->view()->setFocus();
        runsList()->view()->setCurrentIndex(runsModel()->index(0, 0));
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(detail->runId(), runsModel()->row(0).key);
        QTreeWidget *timeline = detail->timeline();
        QVERIFY(timeline->topLevelItemCount() > 0);
        int messages = 0;
        for (int i = 0; i < timeline->topLevelItemCount(); ++i)
            messages += timeline->topLevelItem(i)->childCount();
        QVERIFY(messages > 0);
        grab(u"run-detail"_s);
    }

    void jkMoveTheSelection()
    {
        runsList()->view()->setFocus();
        runsList()->view()->setCurrentIndex(runsModel()->index(0, 0));
        QTest::keyClick(runsList()->view(), Qt::Key_J);
        QCOMPARE(runsList()->view()->currentIndex().row(), 1);
        QTest::keyClick(runsList()->view(), Qt::Key_K);
        QCOMPARE(runsList()->view()->currentIndex().row(), 0);
    }

    void filterByStatus()
    {
        auto *status = m_window->findChild<QComboBox *>(u"runsStatusFilter"_s);
        QVERIFY(status);
        status->setCurrentIndex(status->findText(u"failed"_s));
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->rowCount() > 0 && runsModel()->row(0).cells.at(0) == u"failed", 10'000);
        for (int r = 0; r < runsModel()->rowCount(); ++r)
            QCOMPARE(runsModel()->row(r).cells.at(0), u"failed"_s);
        status->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->total() > runsModel()->rowCount() - 1
                                     && runsModel()->rowCount() > 0 && runsModel()->row(0).cells.at(0) != u"failed", 10'000);
    }

    void ctrlFFocusesTheFilter()
    {
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), m_window->findChild<QLineEdit *>(u"runsTextFilter"_s));
    }

    void paletteJumpsToARun()
    {
        const QString runId = runsModel()->row(3).key;
        m_window->showTab(ui::MainWindow::AgentsTab);
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        ui::CommandPalette *palette = m_window->palette();
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->input(), runId);
        QTRY_VERIFY_WITH_TIMEOUT(palette->results()->count() > 0
                                     && palette->results()->currentItem()->text().startsWith(runId), 10'000);
        grab(u"palette"_s);
        QSignalSpy loaded(m_window->runsPage()->detail(), &ui::runs::RunDetailView::loaded);
        QTest::keyClick(palette->input(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(m_window->tabs()->currentIndex(), int(ui::MainWindow::RunsTab));
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(m_window->runsPage()->detail()->runId(), runId);
        QCOMPARE(runsList()->currentKey(), runId);
        // Esc goes back to where the jump came from.
        m_window->goBack();
        QCOMPARE(m_window->tabs()->currentIndex(), int(ui::MainWindow::AgentsTab));
        m_window->showTab(ui::MainWindow::RunsTab);
    }

    void paletteRunsTheMenusCommands()
    {
        // The palette offers exactly the menus' enabled commands (submenus included): nothing the menus lack.
        int menuCommands = 0;
        const std::function<void(const QList<QAction *> &)> count = [&](const QList<QAction *> &actions) {
            for (QAction *action : actions) {
                if (action->menu())
                    count(action->menu()->actions());
                else if (!action->isSeparator() && action->isEnabled())
                    ++menuCommands;
            }
        };
        count(m_window->menuBar()->actions());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        ui::CommandPalette *palette = m_window->palette();
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(palette->results()->count(), menuCommands);
        QTest::keyClicks(palette->input(), u"switch to demo"_s); // the Server menu's choices are commands too
        QTRY_COMPARE(palette->results()->count(), 1);
        QVERIFY(palette->results()->item(0)->text().contains(u"Server"_s));
        palette->input()->clear();
        QTest::keyClicks(palette->input(), u"go to steps"_s);
        QTRY_VERIFY(palette->results()->count() > 0);
        QVERIFY(palette->results()->currentItem()->text().startsWith(u"Go to Steps"_s));
        QVERIFY(palette->results()->currentItem()->text().contains(u"Ctrl+3"_s));
        if (const QString dir = qEnvironmentVariable("LETTASCOPE_SCREENSHOTS"); !dir.isEmpty())
            palette->grab().save(QDir(dir).filePath(u"palette-commands.png"_s));
        QTest::keyClick(palette->input(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(m_window->tabs()->currentIndex(), int(ui::MainWindow::StepsTab));
        m_window->showTab(ui::MainWindow::RunsTab);
    }

    void refreshMergesWithoutReset()
    {
        runsList()->view()->setCurrentIndex(runsModel()->index(2, 0));
        const QString selected = runsList()->currentKey();
        const int before = runsModel()->rowCount();
        const qint64 totalBefore = runsModel()->total();
        QSignalSpy resets(runsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy inserts(runsModel(), &QAbstractItemModel::rowsInserted);
        auto added = m_session->demoServer()->store().appendRun();
        QVERIFY(added);
        QVERIFY(syncOnce());
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->total() == totalBefore + 1, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->indexOfKey(*added) >= 0, 10'000);
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserts.count() > 0);
        QCOMPARE(runsList()->currentKey(), selected);
        QVERIFY(runsModel()->rowCount() >= before);
        // The new run is running; finishing it updates its row in place.
        QVERIFY(m_session->demoServer()->store().completeRun(*added));
        QVERIFY(syncOnce());
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->row(runsModel()->indexOfKey(*added)).cells.at(0) == u"completed", 10'000);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(runsList()->currentKey(), selected);
    }

    void compareTwoRuns()
    {
        runsList()->view()->setCurrentIndex(runsModel()->index(1, 0));
        m_window->findChild<QPushButton *>(u"runsCompare"_s)->click();
        auto *dialog = m_window->findChild<ui::compare::CompareDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->table()->topLevelItemCount() >= 2, 10'000);
        QCOMPARE(dialog->table()->topLevelItem(0)->child(0)->text(1), runsModel()->row(1).key);
        QCOMPARE(dialog->table()->topLevelItem(0)->child(0)->text(3), u"≠"_s);
        dialog->close();
        dialog->deleteLater();
    }

    void compareAnyTwoSelectedRuns()
    {
        auto *selection = runsList()->view()->selectionModel();
        selection->select(runsModel()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(runsModel()->index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTRY_VERIFY(!m_window->findChild<ui::compare::CompareDialog *>()); // the previous dialog is gone
        m_window->findChild<QPushButton *>(u"runsCompare"_s)->click();
        auto *dialog = m_window->findChild<ui::compare::CompareDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->table()->topLevelItemCount() >= 2, 10'000);
        const QTreeWidgetItem *ids = dialog->table()->topLevelItem(0)->child(0);
        const QSet<QString> compared{ids->text(1), ids->text(2)};
        QCOMPARE(compared, (QSet<QString>{runsModel()->row(0).key, runsModel()->row(5).key}));
        dialog->close();
        dialog->deleteLater();
    }

    void exportTheLoadedRows_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addRow("csv") << u"runs.csv"_s;
        QTest::addRow("json") << u"runs.json"_s;
    }

    void exportTheLoadedRows()
    {
        QFETCH(QString, file);
        const QString path = m_dir.filePath(file);
        // Every run of the query, not only the loaded window.
        QSignalSpy done(this, &TestMainWindow::exportFinished);
        runsList()->exportAll(path, [this](const QString &error) { Q_EMIT exportFinished(error); });
        QVERIFY(done.wait(10'000));
        QCOMPARE(done.constFirst().constFirst().toString(), QString());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray data = written.readAll();
        QVERIFY(data.contains(runsModel()->row(0).key.toUtf8()));
        const qint64 total = runsList()->model()->total();
        QVERIFY(total > 200); // more than one window, so the export cannot be just the loaded rows
        if (file.endsWith(u".json"_s))
            QCOMPARE(QJsonDocument::fromJson(data).array().size(), total);
        else
            QCOMPARE(data.count('\n'), total + 1);
    }

    void everyTabOpens_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<QString>("name");
        for (int t = 0; t < ui::MainWindow::TabCount; ++t)
            QTest::addRow("%d", t) << t << m_window->tabs()->tabText(t).remove(u'&').toLower();
    }

    void everyTabOpens()
    {
        QFETCH(int, tab);
        QFETCH(QString, name);
        m_window->showTab(ui::MainWindow::Tab(tab));
        QCOMPARE(m_window->tabs()->currentIndex(), tab);
        if (auto *panel = m_window->tabs()->currentWidget()->findChild<ui::ListPanel *>()) {
            QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, 10'000);
            panel->view()->setCurrentIndex(panel->model()->index(0, 0));
        }
        QTest::qWait(50);
        grab(u"tab-"_s + name);
    }

    void settingsListsTheServersResources()
    {
        m_window->showTab(ui::MainWindow::SettingsTab);
        auto *resources = m_window->findChild<QTabWidget *>(u"resourcesTabs"_s);
        QVERIFY(resources);
        for (const auto kind : {ResourceKind::Tool, ResourceKind::LlmModel, ResourceKind::Block}) {
            resources->setCurrentIndex(int(kind));
            auto *tree = resources->findChild<QTreeWidget *>(u"resources_"_s + resourceKindKey(kind));
            QVERIFY(tree);
            QTRY_VERIFY2_WITH_TIMEOUT(tree->topLevelItemCount() > 0 && !tree->topLevelItem(0)->text(2).isEmpty(),
                                      qPrintable(resourceKindTitle(kind)), 10'000);
        }
        auto *cacheInfo = m_window->findChild<QLabel *>(u"cacheInfo"_s);
        QVERIFY(cacheInfo->text().contains(u"temporary demo cache"_s));
    }

    void trajectoriesArriveAfterASync()
    {
        // Finished runs of the synced demo become trajectories, processed by the local backend, listed in
        // the tab; Lettascope's own jobs show under Jobs → Background processing.
        m_window->showTab(ui::MainWindow::TrajectoriesTab);
        auto *list = m_window->tabs()->currentWidget()->findChild<QTableView *>(u"trajectoryList"_s);
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 30'000);
        list->setCurrentIndex(list->model()->index(0, 0));
        QTest::qWait(200);
        grab(u"trajectories"_s);

        m_window->showTab(ui::MainWindow::JobsTab);
        auto *jobTabs = m_window->findChild<QTabWidget *>(u"jobsTabs"_s);
        QVERIFY(jobTabs);
        jobTabs->setCurrentIndex(1);
        QVERIFY(jobTabs->currentWidget()->findChild<QTableView *>());
        grab(u"background-jobs"_s);
        jobTabs->setCurrentIndex(0);

        m_window->showTab(ui::MainWindow::SettingsTab);
        auto *settingsTabs = m_window->findChild<QTabWidget *>(u"settingsTabs"_s);
        QVERIFY(settingsTabs);
        QVERIFY(showPageOf(settingsTabs, m_window->findChild<QWidget *>(u"processingSettings"_s)));
        QVERIFY(m_window->findChild<QComboBox *>(u"backend_summary"_s));
        grab(u"processing-settings"_s);
        settingsTabs->setCurrentIndex(0);
    }

    void stepProviderTraceFromTheServer()
    {
        m_window->showTab(ui::MainWindow::StepsTab);
        auto *page = m_window->findChild<ui::steps::StepsPage *>();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->list()->model()->rowCount() > 0, 10'000);
        page->list()->view()->setCurrentIndex(page->list()->model()->index(0, 0));
        auto *button = page->findChild<QPushButton *>(u"stepsProviderTrace"_s);
        QVERIFY(button && button->isEnabled());
        button->click();
        // Either the logged request and response, or a plain statement that the server keeps none.
        QTRY_VERIFY_WITH_TIMEOUT(page->detail()->toPlainText().contains(u"Provider trace"_s), 10'000);
    }

    void analyticsChartTheDemo()
    {
        // The charts and tables of the synced demo, computed on the analytics worker; CSV and PNG export.
        m_window->showTab(ui::MainWindow::AnalyticsTab);
        auto *view = m_window->findChild<ui::analytics::AnalyticsView *>();
        QVERIFY(view);
        view->findChild<QComboBox *>(u"analyticsRange"_s)->setCurrentIndex(3); // all time
        const qint64 serverRuns =
            m_session->demoServer()->store().read([](const demo::DemoDataset &data) { return qint64(data.runs.size()); });
        QTRY_VERIFY_WITH_TIMEOUT(view->result() && view->result()->totalRuns == serverRuns, 30'000);
        for (QChartView *chart : view->charts())
            QVERIFY(!chart->chart()->series().isEmpty());
        QVERIFY(view->findChild<QTableWidget *>(u"leaderboard"_s)->rowCount() > 0);
        grab(u"analytics"_s);

        const QString csv = m_dir.filePath(u"analytics.csv"_s);
        QVERIFY(view->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), view->result()->buckets.size() + 1);
        QVERIFY(view->savePng(m_dir.filePath(u"analytics.png"_s)));
        QVERIFY(QImage(m_dir.filePath(u"analytics.png"_s)).width() > 100);
    }

    void analyticsFilterByAgent()
    {
        // The tab's agent filter: the totals become that agent's runs, and back to all of them.
        m_window->showTab(ui::MainWindow::AnalyticsTab);
        auto *view = m_window->findChild<ui::analytics::AnalyticsView *>();
        QVERIFY(view);
        view->findChild<QComboBox *>(u"analyticsRange"_s)->setCurrentIndex(3); // all time
        auto *agent = view->findChild<QComboBox *>(u"analyticsAgent"_s);
        QVERIFY(agent);
        QTRY_VERIFY_WITH_TIMEOUT(agent->count() > 1, 10'000);
        agent->setCurrentIndex(1);
        const QString agentId = agent->currentData().toString();
        const auto runsOf = [this](const QString &id) {
            return m_session->demoServer()->store().read([&id](const demo::DemoDataset &data) {
                const auto index = data.find(demo::IdKind::Agent, id);
                return index ? qint64(std::count_if(data.runs.cbegin(), data.runs.cend(),
                                                    [&index](const auto &run) { return run.agent == *index; }))
                             : qint64(-1);
            });
        };
        const qint64 agentRuns = runsOf(agentId);
        QVERIFY(agentRuns > 0);
        QTRY_VERIFY_WITH_TIMEOUT(view->result() && view->result()->filter.agentIds == QStringList{agentId}, 30'000);
        QCOMPARE(view->result()->totalRuns, agentRuns);
        QCOMPARE(view->result()->leaderboard.size(), 1);
        grab(u"analytics-one-agent"_s);
        agent->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(view->result() && view->result()->filter.agentIds.isEmpty(), 30'000);
        QVERIFY(view->result()->totalRuns > agentRuns);
    }

    void analyticsChartsTrajectories()
    {
        // The demo's trajectories, processed by the local backend: score distribution, labels, tags and the
        // semantic map, equal to the same computation done here once processing has finished.
        m_window->showTab(ui::MainWindow::AnalyticsTab);
        auto *panel = analyticsView()->trajectoryPanel();
        trajectories::TrajectoryService *service = m_session->trajectories();
        QVERIFY(service);
        QTRY_VERIFY_WITH_TIMEOUT(service->queueStats().open() == 0 && service->queueStats().succeeded > 0, 120'000);
        auto db = store::Database::open(m_session->cachePath(), store::Database::Mode::ReadOnly);
        QVERIFY(db);
        // Recomputed on each try: the last results may land after the queue reads empty.
        std::optional<analytics::TrajectoryStats> expected;
        trajectories::FilterIndex index;
        const auto panelMatchesTheCache = [&] {
            if (!panel->stats())
                return false;
            auto stats = analytics::computeTrajectoryStats(*db, index, panel->stats()->filter);
            expected = stats ? std::optional(*stats) : std::nullopt;
            return expected == panel->stats();
        };
        QTRY_VERIFY_WITH_TIMEOUT(panelMatchesTheCache(), 30'000);
        QVERIFY(expected->scored > 0);
        QVERIFY(!expected->map.points.isEmpty());
        QVERIFY(!expected->categories.isEmpty());

        auto *pages = analyticsView()->findChild<QTabWidget *>(u"analyticsChartPages"_s);
        QVERIFY(showPageOf(pages, panel));
        for (QChartView *chart : panel->charts())
            QVERIFY(!chart->chart()->series().isEmpty());
        qsizetype plotted = 0;
        for (QAbstractSeries *series : panel->charts().last()->chart()->series())
            plotted += qobject_cast<QScatterSeries *>(series)->count();
        QCOMPARE(plotted, expected->map.points.size());
        QVERIFY(panel->findChild<QLabel *>(u"trajectoryChartsSummary"_s)->text().contains(expected->map.modelKey));
        grab(u"analytics-trajectories"_s);
        QVERIFY(analyticsView()->savePng(m_dir.filePath(u"trajectories.png"_s)));
        QCOMPARE(QImage(m_dir.filePath(u"trajectories.png"_s)).size(), pages->currentWidget()->size());
        pages->setCurrentIndex(0);
    }

    void trajectoryChartsSayWhatIsMissing_data()
    {
        QTest::addColumn<int>("trajectories");
        QTest::addColumn<QString>("message");
        QTest::addRow("no trajectories") << 0 << u"No trajectories in this range yet"_s;
        QTest::addRow("none processed") << 12 << u"No trajectories processed yet: 12 wait"_s;
    }

    void trajectoryChartsSayWhatIsMissing()
    {
        // Never a page of empty charts: a sentence says why there is nothing to draw.
        QFETCH(int, trajectories);
        QFETCH(QString, message);
        ui::analytics::TrajectoryPanel panel;
        panel.resize(1000, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        analytics::TrajectoryStats stats;
        stats.trajectories = trajectories;
        stats.scoreBins = QList<int>(analytics::kScoreBins, 0);
        panel.setStats(stats);
        auto *empty = panel.findChild<QLabel *>(u"trajectoryChartsEmpty"_s);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().startsWith(message), qPrintable(empty->text()));
        for (QChartView *chart : panel.charts())
            QVERIFY(!chart->isVisible());
        if (const QString dir = qEnvironmentVariable("LETTASCOPE_SCREENSHOTS"); !dir.isEmpty())
            panel.grab().save(QDir(dir).filePath(u"analytics-trajectories-empty-%1.png"_s.arg(trajectories)));
    }

    void analyticsClickThrough_data()
    {
        QTest::addColumn<QString>("element");
        QTest::addColumn<int>("tab");
        QTest::addRow("failed runs of a bucket") << u"bucket"_s << int(ui::MainWindow::RunsTab);
        QTest::addRow("a tool's bar") << u"tool"_s << int(ui::MainWindow::RunsTab);
        QTest::addRow("a leaderboard row") << u"agent"_s << int(ui::MainWindow::RunsTab);
        QTest::addRow("a score bin") << u"score"_s << int(ui::MainWindow::TrajectoriesTab);
        QTest::addRow("a category") << u"category"_s << int(ui::MainWindow::TrajectoriesTab);
        QTest::addRow("a point of the semantic map") << u"map"_s << int(ui::MainWindow::TrajectoriesTab);
    }

    void analyticsClickThrough()
    {
        // A click in Analytics opens Runs or Trajectories filtered to what was clicked, holding exactly
        // the runs or trajectories the element counted; Esc goes back.
        QFETCH(QString, element);
        QFETCH(int, tab);
        m_window->showTab(ui::MainWindow::AnalyticsTab);
        auto *view = analyticsView();
        QVERIFY(view->result() && view->trajectoryPanel()->stats());
        const analytics::AnalyticsResult result = *view->result();
        const analytics::TrajectoryStats stats = *view->trajectoryPanel()->stats();
        auto *trajectoryList = trajectoriesView()->findChild<QTableView *>(u"trajectoryList"_s);
        if (element == u"bucket") {
            const auto bucket = std::find_if(result.buckets.cbegin(), result.buckets.cend(),
                                             [](const analytics::BucketStats &b) { return b.failed > 0; });
            QVERIFY(bucket != result.buckets.cend());
            const QString label = QDateTime::fromMSecsSinceEpoch(bucket->startMs, Qt::UTC).toString(u"MM-dd"_s);
            QVERIFY(clickBar(view->charts().at(0), 1, label)); // sets: completed, failed, cancelled, other
            const store::RunQuery query = m_window->runsPage()->query();
            QCOMPARE(query.statuses, QList<RunStatus>{RunStatus::Failed});
            QCOMPARE(query.sinceMs, std::optional<qint64>(bucket->startMs));
            QCOMPARE(query.untilMs, std::optional<qint64>(bucket->startMs + 86'400'000));
            QTRY_COMPARE_WITH_TIMEOUT(runsModel()->rowCount(), bucket->failed, 10'000);
        } else if (element == u"tool") {
            const QString tool = result.tools.constFirst().tool;
            QVERIFY(clickBar(view->charts().at(3), 0, tool));
            QCOMPARE(m_window->runsPage()->query().text, tool);
            QTRY_VERIFY_WITH_TIMEOUT(runsModel()->rowCount() > 0, 10'000);
        } else if (element == u"agent") {
            auto *leaderboard = view->findChild<QTableWidget *>(u"leaderboard"_s);
            view->findChild<QTabWidget *>(u"analyticsTables"_s)->setCurrentWidget(leaderboard);
            leaderboard->setCurrentCell(0, 0);
            QTest::keyClick(leaderboard, Qt::Key_Return); // activation: Enter or a double-click
            QCOMPARE(m_window->runsPage()->query().agentIds, QStringList{result.leaderboard.constFirst().agentId});
            QTRY_COMPARE_WITH_TIMEOUT(runsModel()->rowCount(), qMin(result.leaderboard.constFirst().runs, 100), 10'000);
        } else if (element == u"score") {
            const int bin = int(std::find_if(stats.scoreBins.cbegin(), stats.scoreBins.cend(), [](int n) { return n > 0; })
                                - stats.scoreBins.cbegin());
            QVERIFY(clickBar(view->trajectoryPanel()->charts().at(0), 0, ui::analytics::scoreBinLabel(bin)));
            QCOMPARE(trajectoriesView()->filters().minScore, std::optional<double>(bin / 10.0));
            QTRY_COMPARE_WITH_TIMEOUT(trajectoryList->model()->rowCount(), stats.scoreBins[bin], 10'000);
        } else if (element == u"category") {
            const analytics::LabelCount category = stats.categories.constFirst();
            QVERIFY(clickBar(view->trajectoryPanel()->charts().at(2), 0, category.label));
            QCOMPARE(trajectoriesView()->filters().category, category.label);
            QTRY_COMPARE_WITH_TIMEOUT(trajectoryList->model()->rowCount(), category.count, 10'000);
        } else if (element == u"map") {
            const analytics::MapPoint point = stats.map.points.constFirst();
            for (QAbstractSeries *series : view->trajectoryPanel()->charts().last()->chart()->series()) {
                auto *scatter = qobject_cast<QScatterSeries *>(series);
                if (scatter->points().contains(QPointF(point.x, point.y)))
                    Q_EMIT scatter->clicked(QPointF(point.x, point.y));
            }
            auto *detail = trajectoriesView()->findChild<QTextBrowser *>(u"detailView"_s);
            QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(point.summary.left(40)), 10'000);
        }
        QCOMPARE(m_window->tabs()->currentIndex(), tab);
        grab(u"clickthrough-"_s + element);

        m_window->goBack();
        QCOMPARE(m_window->tabs()->currentIndex(), int(ui::MainWindow::AnalyticsTab));
        // Leave the lists unfiltered for the tests after this one.
        m_window->runsPage()->showMatching({});
        trajectoriesView()->showMatching({}, QString());
        trajectoriesView()->findChild<QPushButton *>(u"clearPinnedFilter"_s)->click();
    }

    void importedRunsShowInTheActiveServer()
    {
        // File → Import's work, minus the folder dialog: a trajectory-v1 export lands in the active server.
        m_window->showTab(ui::MainWindow::RunsTab);
        const appserver::ImportReport report =
            m_session->importFolder(testsupport::fixturePath(u"letta-live/trajectory"_s), {}).result();
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        QCOMPARE(report.runs, 5);
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->indexOfKey(u"local-conv-1/07beace6ea:1/1"_s) >= 0, 10'000);
    }

    void offlineKeepsTheCacheBrowsable()
    {
        m_window->showTab(ui::MainWindow::RunsTab);
        const quint16 port = m_session->demoServer()->port();
        const int rows = runsModel()->rowCount();
        m_session->demoServer()->stop();
        QVERIFY(syncOnce());
        QCOMPARE(m_session->sync()->state(), session::ConnectionState::Offline);
        QVERIFY(m_window->syncStatus()->offlineShown());
        QVERIFY(m_window->syncStatus()->connectionText().contains(u"Offline"_s));
        QCOMPARE(runsModel()->rowCount(), rows);
        QSignalSpy loaded(m_window->runsPage()->detail(), &ui::runs::RunDetailView::loaded);
        const int row = runsList()->view()->currentIndex().row() == 4 ? 5 : 4;
        runsList()->view()->setCurrentIndex(runsModel()->index(row, 0));
        QVERIFY2(loaded.wait(10'000), qPrintable(m_window->runsPage()->detail()->findChild<QLabel *>(u"runHeader"_s)->text() + m_window->runsPage()->detail()->findChild<ui::ErrorBanner *>()->message()));
        grab(u"offline"_s);

        // And back.
        QVERIFY(m_session->demoServer()->start(port));
        QVERIFY(syncOnce());
        QCOMPARE(m_session->sync()->state(), session::ConnectionState::Online);
        QVERIFY(!m_window->syncStatus()->offlineShown());
    }

    void switchToAProfileAndBack()
    {
        // A saved profile that happens to point at the demo: switching uses the user's cache, not the demo's.
        const QString demoCache = m_session->cachePath();
        auto profile = letta::ServerProfile::create(u"Local"_s, m_session->demoServer()->url());
        QVERIFY(m_session->profiles().save(profile));
        QSignalSpy active(m_session.get(), &session::Session::activeChanged);
        auto *switcher = m_window->serverSwitcher();
        const int index = switcher->findData(profile.id);
        QVERIFY(index > 0);
        switcher->setCurrentIndex(index);
        Q_EMIT switcher->activated(index);
        QVERIFY(active.wait(15'000));
        QVERIFY(!m_session->isDemo());
        QVERIFY(!m_window->demoBanner()->isVisible());
        QCOMPARE(m_session->cachePath(), m_dir.filePath(u"user-cache.db"_s));
        QSignalSpy finished(m_session->sync(), &session::SyncService::finished);
        QVERIFY(finished.wait(120'000));
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->rowCount() > 0, 10'000);

        const int demoIndex = switcher->findData(QString());
        switcher->setCurrentIndex(demoIndex);
        Q_EMIT switcher->activated(demoIndex);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isDemo(), 10'000);
        QCOMPARE(m_session->cachePath(), demoCache);
        QVERIFY(m_window->demoBanner()->isVisible());
        QVERIFY(m_session->profiles().remove(profile.id));
    }

    void appServerProfileSyncsAndRecords()
    {
        // A Letta Code App Server profile: history comes over its WebSocket (runs reconstructed from the
        // stored messages) and a read-only recorder subscribes to its conversations.
        appservertest::FakeAppServer server;
        QVERIFY(server.listen());
        server.setAgents({QJsonObject{{u"id"_s, u"agent-ws"_s}, {u"name"_s, u"coder"_s}}});
        server.setConversations({QJsonObject{{u"id"_s, u"conv-ws"_s}, {u"agent_id"_s, u"agent-ws"_s}}});
        server.setMessages(u"conv-ws"_s,
                           {QJsonObject{{u"id"_s, u"msg-2"_s}, {u"message_type"_s, u"assistant_message"_s},
                                        {u"date"_s, u"2026-11-24T10:00:01Z"_s},
                                        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"hi"_s}}}}},
                            QJsonObject{{u"id"_s, u"msg-1"_s}, {u"message_type"_s, u"user_message"_s},
                                        {u"date"_s, u"2026-11-24T10:00:00Z"_s},
                                        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"hello"_s}}}}}});
        auto profile = letta::ServerProfile::create(u"Local App Server"_s, server.url(), letta::ServerKind::LettaAppServer);
        QVERIFY(m_session->profiles().save(profile));
        QSignalSpy active(m_session.get(), &session::Session::activeChanged);
        QSignalSpy finished(m_session->sync(), &session::SyncService::finished);
        m_session->activate(profile.id);
        QVERIFY(active.wait(15'000));
        QVERIFY(finished.wait(60'000));
        const sync::SyncReport report = finished.last().constFirst().value<sync::SyncReport>();
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        m_window->showTab(ui::MainWindow::RunsTab);
        QTRY_VERIFY_WITH_TIMEOUT(runsModel()->rowCount() == 1, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(server.subscribedSockets(u"conv-ws"_s) > 0, 10'000); // the recorder listens
        grab(u"appserver-runs"_s);

        m_session->activateDemo();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isDemo(), 10'000);
        QVERIFY(m_session->profiles().remove(profile.id));
    }

    void agentAccessIsStartedFromSettings()
    {
        QTcpServer probe; // a free port for this run
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        m_settings->setAgentAccessPort(port);
        m_window->showTab(ui::MainWindow::SettingsTab);
        auto *tabs = m_window->findChild<QTabWidget *>(u"settingsTabs"_s);
        auto *panel = m_window->findChild<ui::settings::AgentAccessPanel *>(u"agentAccessPanel"_s);
        QVERIFY(tabs && panel);
        QVERIFY(showPageOf(tabs, panel));
        QCOMPARE(panel->toggle()->text(), u"Start serving"_s);
        panel->toggle()->click();
        const QString url = u"http://127.0.0.1:%1/mcp"_s.arg(port);
        QTRY_COMPARE_WITH_TIMEOUT(panel->status()->text().section(u'\n', 0, 0), u"Serving "_s + url, 30'000);
        QCOMPARE(panel->toggle()->text(), u"Stop serving"_s);
        QVERIFY(panel->snippet()->toPlainText().startsWith(u"/mcp add --transport http lettascope "_s + url));
        QVERIFY(!panel->snippet()->toPlainText().contains(u"start serving first"_s)); // the token is in it
        grab(u"settings-agent-access"_s);
        auto *client = panel->findChild<QComboBox *>(u"agentAccessClient"_s);
        client->setCurrentIndex(2);
        QVERIFY(panel->snippet()->toPlainText().contains(m_session->cachePath()));
        panel->toggle()->click();
        QTRY_COMPARE(panel->status()->text().section(u'\n', 0, 0), u"Not serving"_s);
        m_window->showTab(ui::MainWindow::RunsTab);
    }

    void addServerFromTheBannerOpensSettings()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->demoBanner()->findChild<QPushButton *>(u"demoAddServer"_s)->click();
        QCOMPARE(m_window->tabs()->currentIndex(), int(ui::MainWindow::SettingsTab));
        QTRY_COMPARE(QApplication::focusWidget(), m_window->findChild<QLineEdit *>(u"profileName"_s));
        // The demo never wrote a profile.
        QVERIFY(m_session->profiles().profiles().isEmpty());
        // An empty state, and nothing to use or remove until a profile is saved.
        auto *list = m_window->findChild<QListWidget *>(u"profilesList"_s);
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().startsWith(u"No servers yet."_s));
        QVERIFY(!m_window->findChild<QPushButton *>(u"profileUse"_s)->isEnabled());
        QVERIFY(!m_window->findChild<QPushButton *>(u"profileRemove"_s)->isEnabled());
        // A server can be tested before it is saved.
        m_window->findChild<QLineEdit *>(u"profileName"_s)->setText(u"Local"_s);
        m_window->findChild<QLineEdit *>(u"profileUrl"_s)->setText(m_session->demoServer()->url().toString());
        m_window->findChild<QPushButton *>(u"profileTest"_s)->click();
        auto *result = m_window->findChild<QLabel *>(u"profileTestResult"_s);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected: Letta "_s), 30'000);
        QVERIFY(m_session->profiles().profiles().isEmpty()); // testing saves nothing
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
