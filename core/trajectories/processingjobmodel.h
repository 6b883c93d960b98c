// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "trajectories/keymerge.h"
#include "trajectories/processing/processingjob.h"

#include <QAbstractTableModel>

namespace lettascope::trajectories {

class ReadWorker;

/**
 * The Jobs tab: the processing queue's most relevant rows (running, then queued by due time, then the
 * newest finished), read off the GUI thread and merged by job id on every refresh, so selection and
 * scroll survive while jobs move through their states.
 */
class ProcessingJobModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessingJobModel)
public:
    enum Column { JobColumn, RunColumn, StateColumn, StagesColumn, AttemptsColumn, ProgressColumn, NextAttemptColumn,
                  ErrorColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole,   ///< qint64: what cancelJobs/retryJobs take
        TrajectoryIdRole,           ///< qint64
        StateRole,                  ///< int(JobState)
        ProgressRole,               ///< double 0..1
        AttemptsRole,               ///< int
        NextAttemptMsRole,          ///< qint64 epoch ms
        LastErrorRole,              ///< QString
        CanCancelRole,              ///< bool: queued or running
        CanRetryRole,               ///< bool: failed or cancelled
        JobRole,                    ///< ProcessingJob
    };

    explicit ProcessingJobModel(ReadWorker *reader, QObject *parent = nullptr);

    void setLimit(int rows) { m_limit = rows; }
    /// Re-reads the queue (call on TrajectoryService::queueChanged).
    void refresh();
    /// Live progress of a running job between refreshes (TrajectoryService::jobProgress).
    void setProgress(qint64 jobId, double fraction);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();
    void loadFailed(const QString &message);

private:
    void apply(const QList<ProcessingJob> &jobs);
    QVariant display(const ProcessingJob &job, int column) const;

    ReadWorker *m_reader;
    QList<ProcessingJob> m_jobs;
    int m_limit = 500;
    Generation m_request; ///< the latest reload: older answers are dropped
};

} // namespace lettascope::trajectories
