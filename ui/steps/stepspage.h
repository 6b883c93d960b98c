// SPDX-License-Identifier: MIT
#pragma once

#include "common/detaillistpage.h"
#include "store/writebatch.h"

class QComboBox;
class QLineEdit;

namespace lettascope::ui::steps {

/// The Steps tab: every cached step (newest runs first) with model, status, tokens, timings and errors.
class StepsPage final : public DetailListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsPage)
public:
    explicit StepsPage(session::CacheReader &reader, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    void cacheChanged(const store::ChangeSet &changes);
    void focusFilter();

protected:
    QString detailText(const QVariant &payload) const override;

private:
    void requery();

    qint64 m_serverId = 0;
    QLineEdit *m_run = nullptr;
    QLineEdit *m_model = nullptr;
    QComboBox *m_status = nullptr;
};

} // namespace lettascope::ui::steps
