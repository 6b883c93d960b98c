// SPDX-License-Identifier: MIT
#pragma once

#include "session/serveraccess.h"
#include "store/writebatch.h"
#include "ui/common/detaillistpage.h"

class QComboBox;
class QLineEdit;
class QPushButton;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui::steps {

/// The Steps tab: every cached step (newest runs first) with model, status, tokens, timings and errors.
class StepsPage final : public DetailListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsPage)
public:
    explicit StepsPage(session::Session &session, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    void cacheChanged(const store::ChangeSet &changes);
    void focusFilter();

protected:
    QString detailText(const QVariant &payload) const override;

private:
    /// How to ask the active server for a step's provider trace (the LLM request and response it logged);
    /// unset for servers that keep none, which disables the button.
    void setTraceFetcher(session::TraceFetcher fetcher);
    void requery();
    void loadTrace();

    qint64 m_serverId = 0;
    QLineEdit *m_run = nullptr;
    QLineEdit *m_model = nullptr;
    QComboBox *m_status = nullptr;
    QPushButton *m_trace = nullptr;
    session::TraceFetcher m_fetchTrace;
};

} // namespace lettascope::ui::steps
