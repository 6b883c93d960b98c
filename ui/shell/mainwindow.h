// SPDX-License-Identifier: MIT
#pragma once

#include "session/activeserver.h"

#include <QMainWindow>

class QComboBox;
class QTabWidget;

namespace lettascope::trajectories {
class ProcessingSettings;
}
namespace lettascope::session {
class Session;
}

namespace lettascope::ui {

class CommandPalette;
class TrajectoryFeature;
class DemoBanner;
class SearchDialog;
class SyncStatus;
struct PaletteEntry;
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
namespace settings {
class SettingsPage;
}
namespace steps {
class StepsPage;
}

/// The composition root of the desktop app: tabs, server switcher, status bar, shortcuts. Pages do the work.
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
    QComboBox *serverSwitcher() const { return m_switcher; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildShortcuts();
    void onActiveChanged(const session::ActiveServer &active);
    void reloadSwitcher();
    void runPaletteEntry(const PaletteEntry &entry);
    void focusFilter();
    void exportCurrentList();
    /// File → Import: a `letta trajectories export` folder or an App Server store, into the active server.
    void importFolder();
    void addServer();
    void compareRuns(const QString &left, const QString &right);
    /// A click in Analytics: the Runs or Trajectories list filtered to what was clicked.
    void drillDown(const analytics::DrillDown &request);

    session::Session &m_session;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_switcher = nullptr;
    DemoBanner *m_demoBanner = nullptr;
    SyncStatus *m_status = nullptr;
    CommandPalette *m_palette = nullptr;
    SearchDialog *m_search = nullptr;
    agents::AgentsPage *m_agents = nullptr;
    runs::RunsPage *m_runs = nullptr;
    steps::StepsPage *m_steps = nullptr;
    jobs::JobsPage *m_jobs = nullptr;
    settings::SettingsPage *m_settings = nullptr;
    trajectories::ProcessingSettings *m_processing = nullptr;
    TrajectoryFeature *m_trajectories = nullptr;
    analytics::AnalyticsView *m_analytics = nullptr;
    QList<int> m_history;   ///< tab indexes to go back to
};

} // namespace lettascope::ui
