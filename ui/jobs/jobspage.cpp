// SPDX-License-Identifier: MIT
#include "jobspage.h"

#include "store/queries/catalogqueries.h"
#include "ui/common/followsession.h"
#include "ui/common/format.h"
#include "ui/common/listpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace lettascope::ui::jobs {

namespace {
TableRow jobRow(const Job &job)
{
    TableRow row;
    row.key = job.id;
    std::optional<qint64> duration;
    if (job.createdMs && job.completedMs)
        duration = *job.completedMs - *job.createdMs;
    row.cells = {job.status, job.jobType, format::time(job.createdMs), format::durationMs(duration), job.agentId,
                 job.errorText.simplified().left(200), job.id};
    if (job.status == u"failed") {
        row.marker = TableRow::Marker::Failed;
        row.markerTip = job.errorText;
    } else if (job.status == u"running" || job.status == u"pending") {
        row.marker = TableRow::Marker::Running;
        row.markerTip = job.status;
    }
    row.payload = QVariant::fromValue(job);
    return row;
}
} // namespace

JobsPage::JobsPage(session::Session &session, QWidget *parent)
    : DetailListPage(u"jobs"_s, tr("jobs"),
                     {tr("Status"), tr("Type"), tr("Created"), tr("Duration"), tr("Agent"), tr("Error"), tr("Job id")},
                     session.reader(), parent)
    , m_status(new QComboBox(this))
{
    m_status->setObjectName(u"jobsStatusFilter"_s);
    m_status->setAccessibleName(tr("Job status filter"));
    m_status->addItems({tr("Any status"), u"created"_s, u"pending"_s, u"running"_s, u"completed"_s, u"failed"_s, u"cancelled"_s});
    filterRow()->addWidget(m_status);
    filterRow()->addStretch(1);
    list()->view()->setSortingEnabled(false); // newest first, as the cache indexes them
    connect(m_status, &QComboBox::currentIndexChanged, this, &JobsPage::requery);
    followSession(session, this);
}

void JobsPage::setServer(qint64 serverId)
{
    m_serverId = serverId;
    requery();
}

void JobsPage::requery()
{
    if (m_serverId == 0)
        return;
    store::JobQuery q;
    q.serverId = m_serverId;
    if (m_status->currentIndex() > 0)
        q.status = m_status->currentText();
    list()->loader()->setFetch([q](store::Database &db, qint64 offset, qint64 limit) -> Result<RowWindow> {
        store::JobQuery window = q;
        window.offset = offset;
        window.limit = limit;
        auto jobs = store::listJobs(db, window);
        if (!jobs)
            return jobs.error();
        RowWindow result;
        for (const Job &job : std::as_const(*jobs))
            result.rows << jobRow(job);
        result.total = offset + result.rows.size() + (result.rows.size() == limit ? 1 : 0);
        return result;
    });
}

void JobsPage::cacheChanged(const store::ChangeSet &changes)
{
    if (changes.has(store::ChangeSet::Jobs))
        list()->loader()->refresh();
}

QString JobsPage::detailText(const QVariant &payload) const
{
    const Job job = payload.value<Job>();
    QString text = tr("Job %1\nStatus %2 · type %3 · agent %4 · stop reason %5\nCreated %6 · updated %7 · completed %8\n")
                       .arg(job.id, job.status, job.jobType, job.agentId, job.stopReason, format::time(job.createdMs),
                            format::time(job.updatedMs), format::time(job.completedMs));
    if (!job.errorText.isEmpty())
        text += tr("\nError\n%1\n").arg(job.errorText);
    text += u"\n━━ Metadata\n"_s + QString::fromUtf8(QJsonDocument(job.metadata).toJson(QJsonDocument::Indented));
    text += u"\n━━ Raw JSON\n"_s + QString::fromUtf8(QJsonDocument(job.raw).toJson(QJsonDocument::Indented));
    return text;
}

} // namespace lettascope::ui::jobs
