// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QVBoxLayout;
class QWidget;

namespace lettascope::session {
class Session;
}
namespace lettascope::trajectories {
class TrajectoryService;
}

namespace lettascope::ui::trajectories {

class JobsPanel;
class TrajectoriesView;

/**
 * The trajectories feature inside the main window. The session's TrajectoryService works on one cache's
 * writer, and the session switches caches (demo ↔ profiles), so the widgets over it are rebuilt for every
 * cache: torn down on Session::cacheClosing (before the service goes), created again on cacheOpened. The
 * pages handed to the window stay the same widgets throughout.
 */
class TrajectoryFeature final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrajectoryFeature)

public:
    TrajectoryFeature(session::Session &session, QWidget *parent);
    ~TrajectoryFeature() override;

    /// For the Trajectories tab.
    QWidget *page() const { return m_page; }
    /// Lettascope's own background jobs, for the Jobs tab.
    QWidget *jobsPage() const { return m_jobsPage; }
    /// Null while no cache is open.
    TrajectoriesView *view() const;

private:
    void attach();
    void detach();

    session::Session &m_session;
    QWidget *m_page;
    QWidget *m_jobsPage;
    QPointer<TrajectoriesView> m_view;
    QPointer<JobsPanel> m_jobs;
};

} // namespace lettascope::ui::trajectories
