// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "commandpalette.h"
#include "demobanner.h"
#include "importfolder.h"
#include "serverswitcher.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "syncstatus.h"
#include "theme.h"
#include "ui/agents/agentspage.h"
#include "ui/analytics/analyticsview.h"
#include "ui/analytics/drilldown.h"
#include "ui/common/listpanel.h"
#include "ui/common/uistate.h"
#include "ui/compare/comparedialog.h"
#include "ui/jobs/jobspage.h"
#include "ui/runs/runspage.h"
#include "ui/search/searchdialog.h"
#include "ui/settings/profileseditor.h"
#include "ui/settings/settingspage.h"
#include "ui/steps/stepspage.h"
#include "ui/trajectories/trajectoriesview.h"
#include "ui/trajectories/trajectoryfeature.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {
const QStringList &tabTitles()
{
    static const QStringList titles{u"Agents"_s, u"Runs"_s, u"Steps"_s, u"Trajectories"_s,
                                    u"Jobs"_s, u"Analytics"_s, u"Settings"_s};
    return titles;
}
} // namespace

MainWindow::MainWindow(session::Session &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_demoBanner(new DemoBanner(this))
    , m_status(new SyncStatus(*session.sync(), this))
    , m_search(new search::SearchDialog(session, this))
    , m_agents(new agents::AgentsPage(session, this))
    , m_runs(new runs::RunsPage(session, this))
    , m_steps(new steps::StepsPage(session, this))
    , m_jobs(new jobs::JobsPage(session, this))
    , m_settings(new settings::SettingsPage(session, this))
    , m_trajectories(new trajectories::TrajectoryFeature(session, this))
    , m_analytics(new analytics::AnalyticsView(session, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Lettascope"_s);
    buildTabs();
    buildMenusAndToolbar();
    statusBar()->addPermanentWidget(m_status);
    connectSession();
    connectJumps();

    resize(QSize(1280, 800).boundedTo(screen()->availableGeometry().size())); // never larger than the screen
    uistate::restore(this);
    m_tabs->setCurrentIndex(RunsTab);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildTabs()
{
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->addTab(m_agents, tr("&Agents"));
    m_tabs->addTab(m_runs, tr("&Runs"));
    m_tabs->addTab(m_steps, tr("&Steps"));
    m_tabs->addTab(m_trajectories->page(), tr("&Trajectories"));
    auto *jobTabs = new QTabWidget(this);
    jobTabs->setObjectName(u"jobsTabs"_s);
    jobTabs->addTab(m_jobs, tr("Server jobs"));
    jobTabs->addTab(m_trajectories->jobsPage(), tr("Background processing"));
    m_tabs->addTab(jobTabs, tr("&Jobs"));
    m_tabs->addTab(m_analytics, tr("A&nalytics"));
    m_tabs->addTab(m_settings, tr("S&ettings"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
}

void MainWindow::buildMenusAndToolbar()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export current list…"), QKeySequence(u"Ctrl+E"_s), this, &MainWindow::exportCurrentList);
    file->addAction(tr("&Import folder…"), QKeySequence(u"Ctrl+I"_s), this,
                    [this] { importFolder(m_session, this); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto *server = menuBar()->addMenu(tr("&Server"));
    QAction *refresh = server->addAction(tr("&Refresh now"), m_session.sync(), &session::SyncService::syncNow);
    refresh->setShortcuts({QKeySequence(u"Ctrl+R"_s), QKeySequence(u"F5"_s)});
    server->addSeparator();
    m_switcher = new ServerSwitcher(m_session, server, this);

    auto *go = menuBar()->addMenu(tr("&Go"));
    QAction *search = go->addAction(tr("&Search messages…"), QKeySequence(u"Ctrl+Shift+F"_s), m_search,
                                    &search::SearchDialog::open);
    go->addAction(tr("&Filter current view"), QKeySequence::Find, this, &MainWindow::focusFilter);
    go->addAction(tr("&Back"), QKeySequence(Qt::Key_Escape), this, &MainWindow::goBack);
    go->addSeparator();
    for (int i = 0; i < TabCount; ++i) {
        go->addAction(tr("Go to %1").arg(tabTitles().at(i)), QKeySequence(u"Ctrl+%1"_s.arg(i + 1)), this,
                      [this, i] { showTab(Tab(i)); });
    }

    auto *view = menuBar()->addMenu(tr("&View"));
    QAction *terminal = view->addAction(tr("&Terminal theme"));
    terminal->setCheckable(true);
    terminal->setChecked(m_session.settings().theme() == session::AppSettings::Theme::Terminal);
    connect(terminal, &QAction::toggled, this, [this](bool on) {
        m_session.settings().setTheme(on ? session::AppSettings::Theme::Terminal : session::AppSettings::Theme::System);
    });

    // The palette lists the menus' actions, so it is built after them and is not one of them itself.
    m_palette = new CommandPalette(m_session, menuBar(), this);
    QAction *palette = new QAction(tr("Go to… (Ctrl+K)"), this);
    palette->setShortcut(QKeySequence(u"Ctrl+K"_s));
    connect(palette, &QAction::triggered, m_palette, &CommandPalette::open);
    addAction(palette);

    auto *toolbar = addToolBar(tr("Server"));
    toolbar->setObjectName(u"serverToolbar"_s);
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Server: "), toolbar));
    toolbar->addWidget(m_switcher);
    // Text-only buttons name their shortcut, as the menus do beside each entry.
    refresh->setIconText(tr("Refresh (Ctrl+R)"));
    search->setIconText(tr("Search (Ctrl+Shift+F)"));
    toolbar->addAction(refresh);
    toolbar->addAction(palette);
    toolbar->addAction(search);
}

void MainWindow::connectSession()
{
    auto showActive = [this](const session::ActiveServer &active) {
        m_demoBanner->setVisible(active.profile.demo);
        setWindowTitle(u"Lettascope — %1"_s.arg(active.profile.name));
    };
    connect(&m_session, &session::Session::activeChanged, this, showActive);
    if (m_session.active().isValid())
        showActive(m_session.active());
    connect(&m_session, &session::Session::recorderStateChanged, this, [this](const QString &text) {
        statusBar()->showMessage(tr("App Server recorder: %1").arg(text), 10'000);
    });
    connect(&m_session, &session::Session::activationFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15'000); });
    connect(m_session.sync(), &session::SyncService::finished, this, [this](const sync::SyncReport &report) {
        if (report.fatal.kind != ErrorKind::None && report.fatal.kind != ErrorKind::Cancelled)
            statusBar()->showMessage(tr("Sync failed: %1").arg(report.fatal.message), 15'000);
    });
    connect(&m_session.settings(), &session::AppSettings::themeChanged, this,
            [](session::AppSettings::Theme theme) { applyTheme(theme); });
}

void MainWindow::connectJumps()
{
    connect(m_switcher, &ServerSwitcher::addServerRequested, this, &MainWindow::addServer);
    connect(m_demoBanner, &DemoBanner::addServerRequested, this, &MainWindow::addServer);
    connect(m_palette, &CommandPalette::openRun, this, &MainWindow::openRun);
    connect(m_palette, &CommandPalette::openAgent, this, &MainWindow::openAgent);
    connect(m_search, &search::SearchDialog::openRun, this, &MainWindow::openRun);
    connect(m_agents, &agents::AgentsPage::showRunsRequested, this, [this](const QString &agentId) {
        remember();
        m_runs->filterByAgent(agentId);
        showTab(RunsTab);
    });
    connect(m_runs, &runs::RunsPage::compareRequested, this, &MainWindow::compareRuns);
    connect(m_analytics, &analytics::AnalyticsView::drillDownRequested, this, &MainWindow::drillDown);
}

void MainWindow::remember()
{
    m_history << m_tabs->currentIndex();
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void MainWindow::openRun(const QString &runId)
{
    remember();
    showTab(RunsTab);
    m_runs->openRun(runId);
}

void MainWindow::openAgent(const QString &agentId)
{
    remember();
    showTab(AgentsTab);
    m_agents->openAgent(agentId);
}

void MainWindow::goBack()
{
    if (!m_history.isEmpty())
        m_tabs->setCurrentIndex(m_history.takeLast());
}

void MainWindow::focusFilter()
{
    switch (m_tabs->currentIndex()) {
    case AgentsTab: m_agents->focusFilter(); break;
    case RunsTab: m_runs->focusFilter(); break;
    case StepsTab: m_steps->focusFilter(); break;
    default: break;
    }
}

void MainWindow::exportCurrentList()
{
    ListPanel *panel = nullptr;
    switch (m_tabs->currentIndex()) {
    case AgentsTab: panel = m_agents->list(); break;
    case RunsTab: panel = m_runs->list(); break;
    case StepsTab: panel = m_steps->list(); break;
    case JobsTab: panel = m_jobs->list(); break;
    default: break;
    }
    if (!panel) {
        statusBar()->showMessage(tr("This view has no list to export."), 5000);
        return;
    }
    const QString suggested = panel->objectName().chopped(5) + u".csv"_s; // "runsPanel": runs.csv
    const QString path = QFileDialog::getSaveFileName(this, tr("Export list"), suggested,
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    statusBar()->showMessage(tr("Exporting to %1…").arg(path));
    panel->exportAll(path, [this, path](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export"), tr("Could not write %1: %2").arg(path, error));
        else
            statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
    });
}

void MainWindow::addServer()
{
    showTab(SettingsTab);
    m_settings->profiles()->startNew();
}

void MainWindow::compareRuns(const QString &left, const QString &right)
{
    auto *dialog = new compare::CompareDialog(m_session.reader(), m_session.active().serverId, left, right, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::drillDown(const analytics::DrillDown &request)
{
    remember();
    if (request.target == analytics::DrillDown::Target::Trajectories) {
        if (trajectories::TrajectoriesView *view = m_trajectories->view())
            view->showMatching(request.trajectories, request.title, request.trajectoryId);
        showTab(TrajectoriesTab);
        return;
    }
    if (request.runs)
        m_runs->showMatching(*request.runs);
    if (!request.runId.isEmpty())
        m_runs->openRun(request.runId);
    showTab(RunsTab);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    uistate::save(this);
    event->accept();
}

} // namespace lettascope::ui
