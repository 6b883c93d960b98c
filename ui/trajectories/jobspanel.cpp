// SPDX-License-Identifier: MIT
#include "jobspanel.h"

#include "trajectories/processingjobmodel.h"
#include "trajectories/trajectoryservice.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using lettascope::trajectories::ProcessingJobModel;
using lettascope::trajectories::QueueStats;

namespace lettascope::ui::trajectories {

JobsPanel::JobsPanel(lettascope::trajectories::TrajectoryService &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new ProcessingJobModel(service.reader(), this))
    , m_view(new QTableView(this))
    , m_stats(new QLabel(this))
    , m_pause(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    m_view->setObjectName(u"jobsView"_s);
    m_stats->setObjectName(u"jobsStats"_s);
    m_pause->setObjectName(u"pauseButton"_s);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_retry->setObjectName(u"retryButton"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stats, 1);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view);

    connect(m_pause, &QPushButton::clicked, this, [this] { m_service.isPaused() ? m_service.resume() : m_service.pause(); });
    // With nothing selected the buttons act on the whole queue, as their tooltips say.
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { m_service.cancelJobs(selectedJobs(ProcessingJobModel::CanCancelRole)); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { m_service.retryJobs(selectedJobs(ProcessingJobModel::CanRetryRole)); });
    connect(&service, &lettascope::trajectories::TrajectoryService::queueChanged, this, &JobsPanel::onQueueChanged);
    connect(&service, &lettascope::trajectories::TrajectoryService::jobProgress, m_model, &ProcessingJobModel::setProgress);
    connect(&service, &lettascope::trajectories::TrajectoryService::pausedChanged, this, &JobsPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateButtons);
    connect(m_model, &ProcessingJobModel::refreshed, this, &JobsPanel::updateButtons);
    onQueueChanged(service.queueStats());
}

JobsPanel::~JobsPanel() = default;

QList<qint64> JobsPanel::selectedJobs(int canRole) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (index.data(canRole).toBool())
            ids << index.data(ProcessingJobModel::JobIdRole).toLongLong();
    }
    return ids;
}

void JobsPanel::onQueueChanged(const QueueStats &stats)
{
    m_stats->setText(tr("%1 running, %2 queued, %3 succeeded, %4 failed, %5 cancelled")
                         .arg(stats.running).arg(stats.queued).arg(stats.succeeded).arg(stats.failed).arg(stats.cancelled));
    m_model->refresh();
    updateButtons();
}

void JobsPanel::updateButtons()
{
    m_pause->setText(m_service.isPaused() ? tr("Resume") : tr("Pause"));
    const bool selection = m_view->selectionModel()->hasSelection();
    m_cancel->setToolTip(selection ? tr("Cancel the selected jobs") : tr("Cancel every queued or running job"));
    m_retry->setToolTip(selection ? tr("Retry the selected failed or cancelled jobs") : tr("Retry every failed job"));
    m_cancel->setEnabled(!selection || !selectedJobs(ProcessingJobModel::CanCancelRole).isEmpty());
    m_retry->setEnabled(!selection || !selectedJobs(ProcessingJobModel::CanRetryRole).isEmpty());
}

} // namespace lettascope::ui::trajectories
