// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "trajectories/keymerge.h"
#include "trajectories/trajectory.h"
#include "trajectories/trajectoryqueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace lettascope::trajectories {

class ReadWorker;

/**
 * The Trajectories tab's list, windowed for 100,000+ rows: the ordered keys (row id + version) of every
 * matching trajectory are read off the GUI thread, rows are fetched in windows of 100 when a view first
 * asks for them (placeholder text until they arrive), and a refresh diffs the new keys against the old
 * ones on the reader thread, then applies row removals, insertions and dataChanged — never a reset —
 * so selection and scroll survive. Answers to superseded requests are dropped (generation tokens).
 */
class TrajectoryListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrajectoryListModel)
public:
    enum Column { StatusColumn, ScoreColumn, SummaryColumn, TagsColumn, AgentColumn, StepsColumn, DateColumn, ColumnCount };
    enum Role {
        TrajectoryIdRole = Qt::UserRole,    ///< qint64 row id (what the service's calls take)
        RunIdRole,                          ///< QString
        ExecutionStatusRole,                ///< QString: completed|incomplete|failed|unknown
        ScoreRole,                          ///< double, or invalid when not scored yet
        SummaryRole,                        ///< QString, whole
        TagsRole,                           ///< QStringList
        AgentIdRole,                        ///< QString
        StepCountRole,                      ///< int
        CreatedMsRole,                      ///< qint64 epoch ms, or invalid
        IsNewRole,                          ///< bool: captured within the last five minutes
        ProcessingStateRole,                ///< QString: pending|processing|completed|partial|failed
        HumanScoreRole,                     ///< double, or invalid
        LoadedRole,                         ///< bool: false while the row's window is still being read
        RowRole,                            ///< TrajectoryRow
    };

    explicit TrajectoryListModel(ReadWorker *reader, QObject *parent = nullptr);
    ~TrajectoryListModel() override;

    /// Filters and sort (offset/limit are ignored: the model holds every match). Reloads the keys.
    void setQuery(const TrajectoryQuery &query);
    TrajectoryQuery query() const { return m_query; }
    /// Re-reads the keys and merges (call on TrajectoryService::trajectoriesChanged).
    void refresh();
    /// How long a trajectory counts as new (default five minutes, as the seed's NEW badge).
    void setNewWindowMs(qint64 ms) { m_newWindowMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The row of a trajectory, or -1 (keeps a selection across refreshes).
    int rowOf(qint64 trajectoryId) const;

Q_SIGNALS:
    void refreshed();                       ///< a key refresh was applied
    void loadFailed(const QString &message);

private:
    struct Refresh;
    void requestRow(int row) const;
    void fetchPending();
    void applyKeys(quint64 generation, const QList<MergeKey> &keys, const MergePlan &plan, bool reset);
    void applyRows(quint64 generation, int first, const QList<TrajectoryRow> &rows);
    QVariant display(const TrajectoryRow &row, int column) const;

    ReadWorker *m_reader;
    TrajectoryQuery m_query;
    QList<MergeKey> m_keys;
    QHash<qint64, TrajectoryRow> m_rows;
    mutable QSet<int> m_wanted;             ///< windows views asked for, not yet requested
    QSet<int> m_inFlight;                   ///< windows being read
    mutable QTimer m_fetchTimer;
    Generation m_generation;                ///< bumped by every key change: stale windows are dropped
    Generation m_keysRequest;               ///< the latest key refresh: older answers are dropped
    bool m_refreshPending = false;
    qint64 m_newWindowMs = 5 * 60 * 1000;
};

} // namespace lettascope::trajectories
