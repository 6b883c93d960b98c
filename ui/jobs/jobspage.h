// SPDX-License-Identifier: MIT
#pragma once

#include "common/detaillistpage.h"
#include "store/writebatch.h"

class QComboBox;

namespace lettascope::ui::jobs {

/// The Jobs tab: the server's jobs (imports, batch runs …) with status, type, timing, errors and metadata.
class JobsPage final : public DetailListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPage)
public:
    explicit JobsPage(session::CacheReader &reader, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    void cacheChanged(const store::ChangeSet &changes);

protected:
    QString detailText(const QVariant &payload) const override;

private:
    void requery();

    qint64 m_serverId = 0;
    QComboBox *m_status = nullptr;
};

} // namespace lettascope::ui::jobs
