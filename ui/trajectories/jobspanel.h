// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace lettascope::trajectories {
class ProcessingJobModel;
class TrajectoryService;
struct QueueStats;
}

namespace lettascope::ui::trajectories {

/// The app's own processing jobs: the queue with progress and errors, pause/resume, cancel and retry
/// (of the selected jobs, or of every open / failed one when nothing is selected).
class JobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)
public:
    explicit JobsPanel(lettascope::trajectories::TrajectoryService &service, QWidget *parent = nullptr);
    ~JobsPanel() override;

private:
    QList<qint64> selectedJobs(int canRole) const;
    void onQueueChanged(const lettascope::trajectories::QueueStats &stats);
    void updateButtons();

    lettascope::trajectories::TrajectoryService &m_service;
    lettascope::trajectories::ProcessingJobModel *m_model;
    QTableView *m_view;
    QLabel *m_stats;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QPushButton *m_retry;
};

} // namespace lettascope::ui::trajectories
