// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QVBoxLayout;
class QWidget;

namespace lettascope::session {
class Session;
}
namespace lettascope::trajectories {
class ProcessingSettings;
class TrajectoryService;
}

namespace lettascope::ui {

class JobsPanel;
class TrajectoriesView;

/**
 * The trajectories feature inside the main window. A TrajectoryService works on one cache's writer, and the
 * session switches caches (demo ↔ profiles), so the service and the widgets over it are rebuilt for every
 * cache: torn down on Session::cacheClosing (before the writer goes), created again on cacheOpened. The
 * pages handed to the window stay the same widgets throughout.
 */
class TrajectoryFeature final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrajectoryFeature)

public:
    TrajectoryFeature(session::Session &session, trajectories::ProcessingSettings &settings, QWidget *parent);
    ~TrajectoryFeature() override;

    /// For the Trajectories tab.
    QWidget *page() const { return m_page; }
    /// Lettascope's own background jobs, for the Jobs tab.
    QWidget *jobsPage() const { return m_jobsPage; }
    /// Null while no cache is open.
    trajectories::TrajectoryService *service() const { return m_service.get(); }
    TrajectoriesView *view() const;

Q_SIGNALS:
    /// A new service is running (after a cache switch); connect to it again.
    void serviceChanged(lettascope::trajectories::TrajectoryService *service);

private:
    void attach();
    void detach();

    session::Session &m_session;
    trajectories::ProcessingSettings &m_settings;
    QWidget *m_page;
    QWidget *m_jobsPage;
    std::unique_ptr<trajectories::TrajectoryService> m_service;
    QPointer<TrajectoriesView> m_view;
    QPointer<JobsPanel> m_jobs;
};

} // namespace lettascope::ui
