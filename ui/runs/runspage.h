// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "store/queries/runqueries.h"
#include "store/writebatch.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace lettascope::session {
class CacheReader;
class Session;
}

namespace lettascope::ui {
class ListPanel;
}

namespace lettascope::ui::runs {

class RunDetailView;

/// The Runs tab: filters, the windowed runs list, and the selected run's detail beside it.
class RunsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsPage)
public:
    explicit RunsPage(session::Session &session, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    void setStuckAfterMinutes(int minutes);
    /// Merges what changed; the open run reloads when it is among `changes`.
    void cacheChanged(const store::ChangeSet &changes);
    void refresh();
    /// Shows the run's detail and selects its row when loaded.
    void openRun(const QString &runId);
    /// Restricts the list to one agent (from the Agents tab).
    void filterByAgent(const QString &agentId);
    /// Sets the filters to `filters` (agent, status, stop reason, text, creation range; the first of each
    /// list), e.g. from an Analytics chart. The creation range becomes a choice of its own in the range box.
    void showMatching(const store::RunQuery &filters);
    void focusFilter();

    ListPanel *list() const { return m_list; }
    RunDetailView *detail() const { return m_detail; }
    store::RunQuery query() const;

Q_SIGNALS:
    void compareRequested(const QString &leftRunId, const QString &rightRunId);

private:
    void requery();
    void loadAgents();

    session::CacheReader &m_reader;
    qint64 m_serverId = 0;
    qint64 m_stuckAfterMs = 10 * 60'000;
    ListPanel *m_list = nullptr;
    RunDetailView *m_detail = nullptr;
    QComboBox *m_agent = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_stopReason = nullptr;
    QComboBox *m_range = nullptr;
    QLineEdit *m_text = nullptr;
    store::RunQuery::Sort m_sort = store::RunQuery::Sort::Created;
    bool m_descending = true;
    Generation m_agentGeneration;
    std::optional<qint64> m_customSinceMs;   ///< the "custom" range choice, set by showMatching()
    std::optional<qint64> m_customUntilMs;
};

} // namespace lettascope::ui::runs
