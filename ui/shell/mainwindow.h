// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QTabWidget;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui {

class CommandPalette;
class DemoBanner;
class ServerSwitcher;
class SyncStatus;
namespace agents {
class AgentsPage;
}
namespace analytics {
class AnalyticsView;
struct DrillDown;
}
namespace jobs {
class JobsPage;
}
namespace runs {
class RunsPage;
}
namespace search {
class SearchDialog;
}
namespace settings {
class SettingsPage;
}
namespace steps {
class StepsPage;
}
namespace trajectories {
class TrajectoryFeature;
}

/**
 * The composition root of the desktop app: tabs, menus, toolbar, status bar. Pages take the session and
 * follow it themselves; the window only routes jumps between pages (open a run, drill down, back). Every
 * command is a QAction in the menus, so the toolbar and the command palette offer the same ones.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum Tab { AgentsTab, RunsTab, StepsTab, TrajectoriesTab, JobsTab, AnalyticsTab, SettingsTab, TabCount };

    explicit MainWindow(session::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showTab(Tab tab);
    void openRun(const QString &runId);
    void openAgent(const QString &agentId);
    /// Esc: back to where the last jump came from.
    void goBack();

    QTabWidget *tabs() const { return m_tabs; }
    runs::RunsPage *runsPage() const { return m_runs; }
    agents::AgentsPage *agentsPage() const { return m_agents; }
    CommandPalette *palette() const { return m_palette; }
    SyncStatus *syncStatus() const { return m_status; }
    DemoBanner *demoBanner() const { return m_demoBanner; }
    ServerSwitcher *serverSwitcher() const { return m_switcher; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildTabs();
    void buildMenusAndToolbar();
    void connectSession();
    void connectJumps();
    void focusFilter();
    void exportCurrentList();
    void addServer();
    void compareRuns(const QString &left, const QString &right);
    /// A click in Analytics: the Runs or Trajectories list filtered to what was clicked.
    void drillDown(const analytics::DrillDown &request);
    /// Before a jump: where Esc goes back to.
    void remember();

    session::Session &m_session;
    QTabWidget *m_tabs = nullptr;
    DemoBanner *m_demoBanner = nullptr;
    SyncStatus *m_status = nullptr;
    search::SearchDialog *m_search = nullptr;
    agents::AgentsPage *m_agents = nullptr;
    runs::RunsPage *m_runs = nullptr;
    steps::StepsPage *m_steps = nullptr;
    jobs::JobsPage *m_jobs = nullptr;
    settings::SettingsPage *m_settings = nullptr;
    trajectories::TrajectoryFeature *m_trajectories = nullptr;
    analytics::AnalyticsView *m_analytics = nullptr;
    ServerSwitcher *m_switcher = nullptr;   ///< built with the Server menu
    CommandPalette *m_palette = nullptr;    ///< built after the menus it lists
    QList<int> m_history;                   ///< tab indexes to go back to
};

} // namespace lettascope::ui
