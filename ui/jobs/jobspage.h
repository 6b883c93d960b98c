// SPDX-License-Identifier: MIT
#pragma once

#include "store/writebatch.h"
#include "ui/common/detaillistpage.h"

class QComboBox;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui::jobs {

/// The Jobs tab: the server's jobs (imports, batch runs …) with status, type, timing, errors and metadata.
class JobsPage final : public DetailListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPage)
public:
    explicit JobsPage(session::Session &session, QWidget *parent = nullptr);

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
