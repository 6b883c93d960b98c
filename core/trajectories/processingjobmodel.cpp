// SPDX-License-Identifier: MIT
#include "processingjobmodel.h"

#include "trajectories/processing/jobqueue.h"
#include "trajectories/readworker.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
QList<MergeKey> keysOf(const QList<ProcessingJob> &jobs)
{
    QList<MergeKey> keys;
    keys.reserve(jobs.size());
    for (const ProcessingJob &job : jobs)
        keys << MergeKey{job.id, job.updatedMs ^ (qint64(job.state) << 56) ^ qint64(job.progress * 1000)};
    return keys;
}
} // namespace

ProcessingJobModel::ProcessingJobModel(ReadWorker *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
}

void ProcessingJobModel::refresh()
{
    const Generation::Token request = m_request.next();
    const int limit = m_limit;
    m_reader->run<Result<QList<ProcessingJob>>>(this, [limit](store::Database &db) { return jobqueue::list(db, limit); },
                                                 [this, request](Result<QList<ProcessingJob>> jobs) {
                                                     if (!m_request.isCurrent(request))
                                                         return;
                                                     if (!jobs)
                                                         Q_EMIT loadFailed(jobs.error().toString());
                                                     else
                                                         apply(*jobs);
                                                 });
}

void ProcessingJobModel::apply(const QList<ProcessingJob> &jobs)
{
    // At most a few hundred rows: planning on the GUI thread costs well under a millisecond.
    const MergePlan plan = planMerge(keysOf(m_jobs), keysOf(jobs));
    for (const MergePlan::Range &range : plan.removals) {
        beginRemoveRows({}, range.first, range.first + range.count - 1);
        m_jobs.remove(range.first, range.count);
        endRemoveRows();
    }
    for (const MergePlan::Range &range : plan.insertions) {
        beginInsertRows({}, range.first, range.first + range.count - 1);
        for (int i = 0; i < range.count; ++i)
            m_jobs.insert(range.first + i, jobs[range.first + i]);
        endInsertRows();
    }
    for (int row : plan.changed) {
        m_jobs[row] = jobs[row];
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    Q_EMIT refreshed();
}

void ProcessingJobModel::setProgress(qint64 jobId, double fraction)
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs[row].id == jobId) {
            m_jobs[row].progress = fraction;
            Q_EMIT dataChanged(index(row, ProgressColumn), index(row, ProgressColumn));
            return;
        }
    }
}

int ProcessingJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int ProcessingJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessingJobModel::display(const ProcessingJob &job, int column) const
{
    switch (Column(column)) {
    case JobColumn: return job.id;
    case RunColumn: return job.runId;
    case StateColumn: return jobStateKey(job.state);
    case StagesColumn: return stageKeys(job.stages).join(u", "_s);
    case AttemptsColumn: return u"%1/%2"_s.arg(job.attempts).arg(job.maxAttempts);
    case ProgressColumn: return u"%1%"_s.arg(qRound(job.progress * 100));
    case NextAttemptColumn:
        return job.state == JobState::Queued ? QDateTime::fromMSecsSinceEpoch(job.nextAttemptMs).toLocalTime().toString(u"HH:mm:ss"_s)
                                             : QString();
    case ErrorColumn: return job.lastError.section(u'\n', 0, 0);
    case ColumnCount: break;
    }
    return {};
}

QVariant ProcessingJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcessingJob &job = m_jobs[index.row()];
    switch (role) {
    case Qt::DisplayRole: return display(job, index.column());
    case Qt::ToolTipRole: return job.lastError.isEmpty() ? QVariant() : QVariant(job.lastError);
    case JobIdRole: return job.id;
    case TrajectoryIdRole: return job.trajectoryId;
    case StateRole: return int(job.state);
    case ProgressRole: return job.progress;
    case AttemptsRole: return job.attempts;
    case NextAttemptMsRole: return job.nextAttemptMs;
    case LastErrorRole: return job.lastError;
    case CanCancelRole: return job.state == JobState::Queued || job.state == JobState::Running;
    case CanRetryRole: return job.state == JobState::Failed || job.state == JobState::Cancelled;
    case JobRole: return QVariant::fromValue(job);
    default: return {};
    }
}

QVariant ProcessingJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case JobColumn: return tr("Job");
    case RunColumn: return tr("Run");
    case StateColumn: return tr("State");
    case StagesColumn: return tr("Stages left");
    case AttemptsColumn: return tr("Attempts");
    case ProgressColumn: return tr("Progress");
    case NextAttemptColumn: return tr("Next attempt");
    case ErrorColumn: return tr("Last error");
    case ColumnCount: break;
    }
    return {};
}

} // namespace lettascope::trajectories
