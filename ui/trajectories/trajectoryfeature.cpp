// SPDX-License-Identifier: MIT
#include "trajectoryfeature.h"

#include "jobspanel.h"
#include "session/session.h"
#include "trajectories/trajectoryservice.h"
#include "trajectoriesview.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {

QWidget *holder(const QString &name, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    widget->setObjectName(name);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    return widget;
}

} // namespace

TrajectoryFeature::TrajectoryFeature(session::Session &session, trajectories::ProcessingSettings &settings,
                                     QWidget *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_page(holder(u"trajectoriesPage"_s, parent))
    , m_jobsPage(holder(u"backgroundJobsPage"_s, parent))
{
    connect(&session, &session::Session::cacheClosing, this, &TrajectoryFeature::detach);
    connect(&session, &session::Session::cacheOpened, this, &TrajectoryFeature::attach);
    attach();
}

TrajectoryFeature::~TrajectoryFeature()
{
    detach();
}

TrajectoriesView *TrajectoryFeature::view() const
{
    return m_view.data();
}

void TrajectoryFeature::attach()
{
    store::StoreWriter *writer = m_session.writer();
    if (!writer)
        return;
    detach();
    m_service = std::make_unique<trajectories::TrajectoryService>(*writer, m_settings);
    m_view = new TrajectoriesView(*m_service, m_page);
    m_page->layout()->addWidget(m_view);
    m_jobs = new JobsPanel(*m_service, m_jobsPage);
    m_jobsPage->layout()->addWidget(m_jobs);
    m_service->start();
    Q_EMIT serviceChanged(m_service.get());
}

void TrajectoryFeature::detach()
{
    // Widgets first: they hold references to the service.
    delete m_view;
    delete m_jobs;
    m_service.reset();
}

} // namespace lettascope::ui
