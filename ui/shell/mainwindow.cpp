// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "agents/agentspage.h"
#include "analytics/analyticsview.h"
#include "analytics/drilldown.h"
#include "appserver/importreport.h"
#include "common/listpanel.h"
#include "common/uistate.h"
#include "commandpalette.h"
#include "compare/comparedialog.h"
#include "demobanner.h"
#include "jobs/jobspage.h"
#include "letta/lettaapi.h"
#include "letta/profilestore.h"
#include "runs/runspage.h"
#include "search/searchdialog.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "session/whenready.h"
#include "settings/profileseditor.h"
#include "settings/settingspage.h"
#include "steps/stepspage.h"
#include "syncstatus.h"
#include "theme.h"
#include "trajectories/processingsettings.h"
#include "trajectories/processingsettingspanel.h"
#include "trajectories/trajectoriesview.h"
#include "trajectories/trajectoryfeature.h"
#include "trajectories/trajectoryservice.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {
const QStringList &tabTitles()
{
    static const QStringList titles{u"Agents"_s, u"Runs"_s, u"Steps"_s, u"Trajectories"_s, u"Jobs"_s, u"Analytics"_s, u"Settings"_s};
    return titles;
}
} // namespace

MainWindow::MainWindow(session::Session &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_switcher(new QComboBox(this))
    , m_demoBanner(new DemoBanner(this))
    , m_status(new SyncStatus(*session.sync(), this))
    , m_palette(new CommandPalette(session.reader(), this))
    , m_search(new SearchDialog(session.reader(), this))
    , m_agents(new agents::AgentsPage(session.reader(), this))
    , m_runs(new runs::RunsPage(session.reader(), this))
    , m_steps(new steps::StepsPage(session.reader(), this))
    , m_jobs(new jobs::JobsPage(session.reader(), this))
    , m_settings(new settings::SettingsPage(session, this))
    , m_processing(new trajectories::ProcessingSettings(nullptr, this))
    , m_trajectories(new TrajectoryFeature(session, *m_processing, this))
    , m_analytics(new analytics::AnalyticsView(session, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Lettascope"_s);
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
    m_settings->addTab(new ProcessingSettingsPanel(*m_processing, [this](const QString &key) {
        if (auto *service = m_trajectories->service())
            service->setLlmApiKey(key);
    }, m_settings), tr("Trajectory processing"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto *toolbar = addToolBar(tr("Server"));
    toolbar->setObjectName(u"serverToolbar"_s);
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Server: "), toolbar));
    m_switcher->setObjectName(u"serverSwitcher"_s);
    m_switcher->setAccessibleName(tr("Server"));
    m_switcher->setMinimumWidth(260);
    toolbar->addWidget(m_switcher);
    toolbar->addAction(tr("Refresh"), QKeySequence(u"Ctrl+R"_s), m_session.sync(), &session::SyncService::syncNow);
    toolbar->addAction(tr("Go to… (Ctrl+K)"), m_palette, &CommandPalette::open);
    toolbar->addAction(tr("Search (Ctrl+Shift+F)"), m_search, &SearchDialog::open);
    statusBar()->addPermanentWidget(m_status);

    buildMenus();
    buildShortcuts();
    reloadSwitcher();

    connect(m_switcher, &QComboBox::activated, this, [this](int index) {
        const QString id = m_switcher->itemData(index).toString();
        if (id == u"+add")
            addServer();
        else if (id != (m_session.isDemo() ? QString() : m_session.active().profile.id))
            m_session.activate(id);
    });
    connect(&m_session.profiles(), &letta::ProfileStore::profilesChanged, this, &MainWindow::reloadSwitcher);
    connect(&m_session, &session::Session::activeChanged, this, &MainWindow::onActiveChanged);
    connect(&m_session, &session::Session::recorderStateChanged, this, [this](const QString &text) {
        statusBar()->showMessage(tr("App Server recorder: %1").arg(text), 10'000);
    });
    connect(&m_session, &session::Session::activationFailed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15'000);
        reloadSwitcher();
    });
    connect(&m_session, &session::Session::cacheChanged, this, [this](const store::ChangeSet &changes) {
        m_runs->cacheChanged(changes);
        m_agents->cacheChanged(changes);
        m_steps->cacheChanged(changes);
        m_jobs->cacheChanged(changes);
        m_settings->cacheChanged(changes);
    });
    connect(m_session.sync(), &session::SyncService::finished, this, [this](const SyncReport &report) {
        if (report.fatal.kind != ErrorKind::None && report.fatal.kind != ErrorKind::Cancelled)
            statusBar()->showMessage(tr("Sync failed: %1").arg(report.fatal.message), 15'000);
    });
    connect(m_demoBanner, &DemoBanner::addServerRequested, this, &MainWindow::addServer);
    connect(m_palette, &CommandPalette::chosen, this, &MainWindow::runPaletteEntry);
    connect(m_search, &SearchDialog::openRun, this, &MainWindow::openRun);
    connect(m_agents, &agents::AgentsPage::showRunsRequested, this, [this](const QString &agentId) {
        m_history << m_tabs->currentIndex();
        m_runs->filterByAgent(agentId);
        showTab(RunsTab);
    });
    connect(m_runs, &runs::RunsPage::compareRequested, this, &MainWindow::compareRuns);
    connect(m_analytics, &analytics::AnalyticsView::drillDownRequested, this, &MainWindow::drillDown);

    session::AppSettings &settings = m_session.settings();
    m_runs->setStuckAfterMinutes(settings.stuckAfterMinutes());
    connect(&settings, &session::AppSettings::stuckAfterChanged, m_runs, &runs::RunsPage::setStuckAfterMinutes);
    m_analytics->setStuckAfterMinutes(settings.stuckAfterMinutes());
    connect(&settings, &session::AppSettings::stuckAfterChanged, m_analytics, &analytics::AnalyticsView::setStuckAfterMinutes);
    connect(&settings, &session::AppSettings::themeChanged, this, [](session::AppSettings::Theme theme) { applyTheme(theme); });

    resize(1280, 800);
    uistate::restore(this);
    m_tabs->setCurrentIndex(RunsTab);
    if (m_session.active().isValid())
        onActiveChanged(m_session.active());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export current list…"), QKeySequence(u"Ctrl+E"_s), this, &MainWindow::exportCurrentList);
    file->addAction(tr("&Import folder…"), QKeySequence(u"Ctrl+I"_s), this, &MainWindow::importFolder);
    file->addAction(tr("Add &server…"), this, &MainWindow::addServer);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(tr("Go to… (command palette)"), QKeySequence(u"Ctrl+K"_s), m_palette, &CommandPalette::open);
    go->addAction(tr("Search messages…"), QKeySequence(u"Ctrl+Shift+F"_s), m_search, &SearchDialog::open);
    go->addAction(tr("Filter current view"), QKeySequence::Find, this, &MainWindow::focusFilter);
    go->addAction(tr("Back"), QKeySequence(Qt::Key_Escape), this, &MainWindow::goBack);
    go->addSeparator();
    for (int i = 0; i < TabCount; ++i)
        go->addAction(tabTitles().at(i), QKeySequence(u"Ctrl+%1"_s.arg(i + 1)), this, [this, i] { showTab(Tab(i)); });
    auto *view = menuBar()->addMenu(tr("&View"));
    auto *terminal = view->addAction(tr("&Terminal theme"));
    terminal->setCheckable(true);
    terminal->setChecked(m_session.settings().theme() == session::AppSettings::Theme::Terminal);
    connect(terminal, &QAction::toggled, this, [this](bool on) {
        m_session.settings().setTheme(on ? session::AppSettings::Theme::Terminal : session::AppSettings::Theme::System);
    });
}

void MainWindow::importFolder()
{
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Import a trajectory export or an App Server store (e.g. ~/.letta/lc-local-backend)"));
    if (path.isEmpty())
        return;
    auto *progress = new QProgressDialog(tr("Importing %1…").arg(path), tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(progress, &QProgressDialog::canceled, &m_session, &session::Session::cancelImport);
    QPointer<QProgressDialog> guard(progress);
    auto onProgress = [guard](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done, total] {
            if (guard) {
                guard->setMaximum(int(total));
                guard->setValue(int(done));
            }
        }, Qt::QueuedConnection);
    };
    session::whenReady(m_session.importFolder(path, onProgress), this,
                       [this, progress](const appserver::ImportReport &report) {
        progress->deleteLater();
        if (report.fatal.kind != ErrorKind::None)
            QMessageBox::warning(this, tr("Import"), report.fatal.message);
        else if (!report.problems.isEmpty())
            QMessageBox::warning(this, tr("Import"), report.summary() + u"\n\n"_s + report.problems.join(u'\n'));
        else
            statusBar()->showMessage(report.summary(), 15'000);
    });
}

void MainWindow::buildShortcuts()
{
    // Menu actions carry most shortcuts; these are the ones without a menu entry.
    auto *refresh = new QShortcut(QKeySequence(u"F5"_s), this);
    connect(refresh, &QShortcut::activated, m_session.sync(), &session::SyncService::syncNow);
}

void MainWindow::reloadSwitcher()
{
    const QSignalBlocker block(m_switcher);
    m_switcher->clear();
    m_switcher->addItem(tr("Demo server (built in)"), QString());
    for (const auto &p : m_session.profiles().profiles())
        m_switcher->addItem(u"%1 — %2"_s.arg(p.name, p.baseUrl.host()), p.id);
    m_switcher->addItem(tr("Add server…"), u"+add"_s);
    const QString current = m_session.isDemo() ? QString() : m_session.active().profile.id;
    m_switcher->setCurrentIndex(qMax(0, m_switcher->findData(current)));
}

void MainWindow::onActiveChanged(const session::ActiveServer &active)
{
    m_demoBanner->setVisible(active.profile.demo);
    setWindowTitle(u"Lettascope — %1"_s.arg(active.profile.name));
    reloadSwitcher();
    m_palette->setServer(active.serverId);
    m_search->setServer(active.serverId);
    m_agents->setServer(active.serverId);
    m_runs->setServer(active.serverId);
    m_steps->setServer(active.serverId);
    m_jobs->setServer(active.serverId);
    if (active.profile.kind == letta::ServerKind::LettaAppServer) {
        m_steps->setTraceFetcher({}); // App Servers keep no provider traces
    } else {
        m_steps->setTraceFetcher([this](const QString &stepId) { return letta::LettaApi(m_session.http()).stepTrace(stepId); });
    }
    m_analytics->setServer(active.serverId);
    m_settings->setServer(active.serverId);
    m_palette->setCommands([this] {
        QList<PaletteEntry> commands;
        for (int i = 0; i < TabCount; ++i)
            commands << PaletteEntry{PaletteEntry::Kind::Command, u"tab:%1"_s.arg(i), tr("Go to %1").arg(tabTitles().at(i)), tr("tab")};
        commands << PaletteEntry{PaletteEntry::Kind::Command, u"refresh"_s, tr("Refresh now (sync)"), u"Ctrl+R"_s}
                 << PaletteEntry{PaletteEntry::Kind::Command, u"search"_s, tr("Search messages"), u"Ctrl+Shift+F"_s}
                 << PaletteEntry{PaletteEntry::Kind::Command, u"export"_s, tr("Export current list"), u"Ctrl+E"_s}
                 << PaletteEntry{PaletteEntry::Kind::Command, u"theme"_s, tr("Toggle terminal theme"), QString()}
                 << PaletteEntry{PaletteEntry::Kind::Command, u"add"_s, tr("Add server…"), QString()}
                 << PaletteEntry{PaletteEntry::Kind::Command, u"demo"_s, tr("Switch to the demo server"), QString()};
        for (const auto &p : m_session.profiles().profiles())
            commands << PaletteEntry{PaletteEntry::Kind::Command, u"server:"_s + p.id, tr("Switch to %1").arg(p.name), p.baseUrl.toString()};
        return commands;
    }());
}

void MainWindow::runPaletteEntry(const PaletteEntry &entry)
{
    switch (entry.kind) {
    case PaletteEntry::Kind::Run: openRun(entry.id); return;
    case PaletteEntry::Kind::Agent: openAgent(entry.id); return;
    case PaletteEntry::Kind::Command: break;
    }
    if (entry.id.startsWith(u"tab:"))
        showTab(Tab(entry.id.mid(4).toInt()));
    else if (entry.id == u"refresh")
        m_session.sync()->syncNow();
    else if (entry.id == u"search")
        m_search->open();
    else if (entry.id == u"export")
        exportCurrentList();
    else if (entry.id == u"theme")
        m_session.settings().setTheme(m_session.settings().theme() == session::AppSettings::Theme::Terminal
                                          ? session::AppSettings::Theme::System
                                          : session::AppSettings::Theme::Terminal);
    else if (entry.id == u"add")
        addServer();
    else if (entry.id == u"demo")
        m_session.activateDemo();
    else if (entry.id.startsWith(u"server:"))
        m_session.activate(entry.id.mid(7));
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void MainWindow::openRun(const QString &runId)
{
    m_history << m_tabs->currentIndex();
    showTab(RunsTab);
    m_runs->openRun(runId);
}

void MainWindow::openAgent(const QString &agentId)
{
    m_history << m_tabs->currentIndex();
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Export list"), panel->objectName().chopped(5) + u".csv"_s,
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
    auto *dialog = new CompareDialog(m_session.reader(), m_session.active().serverId, left, right, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::drillDown(const analytics::DrillDown &request)
{
    m_history << m_tabs->currentIndex();
    if (request.target == analytics::DrillDown::Target::Trajectories) {
        if (TrajectoriesView *view = m_trajectories->view())
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
