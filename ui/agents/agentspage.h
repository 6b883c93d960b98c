// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "store/writebatch.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lettascope::session {
class CacheReader;
class Session;
}
namespace lettascope::ui {
class ListPanel;
}

namespace lettascope::ui::agents {

/// The Agents tab: every cached agent with its run counts, and the selected agent's configuration.
class AgentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsPage)
public:
    explicit AgentsPage(session::Session &session, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    void cacheChanged(const store::ChangeSet &changes);
    void openAgent(const QString &agentId);
    void focusFilter();
    ListPanel *list() const { return m_list; }

Q_SIGNALS:
    /// "Show runs": the Runs tab filtered to this agent.
    void showRunsRequested(const QString &agentId);

private:
    void requery();
    void showDetail(const QString &agentId);

    session::CacheReader &m_reader;
    qint64 m_serverId = 0;
    QString m_agentId;
    Generation m_detailGeneration;
    ListPanel *m_list = nullptr;
    QLineEdit *m_text = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_showRuns = nullptr;
};

} // namespace lettascope::ui::agents
