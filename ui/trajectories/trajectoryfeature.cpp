// SPDX-License-Identifier: MIT
#include "trajectoryfeature.h"

#include "jobspanel.h"
#include "session/session.h"
#include "trajectoriesview.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui::trajectories {

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

TrajectoryFeature::TrajectoryFeature(session::Session &session, QWidget *parent)
    : QObject(parent)
    , m_session(session)
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
    detach();
    lettascope::trajectories::TrajectoryService *service = m_session.trajectories();
    if (!service)
        return;
    m_view = new TrajectoriesView(*service, m_page);
    m_page->layout()->addWidget(m_view);
    m_jobs = new JobsPanel(*service, m_jobsPage);
    m_jobsPage->layout()->addWidget(m_jobs);
}

void TrajectoryFeature::detach()
{
    // Before the session destroys the service: the widgets hold references to it.
    delete m_view;
    delete m_jobs;
}

} // namespace lettascope::ui::trajectories
