// SPDX-License-Identifier: MIT
#include "trajectorylistmodel.h"

#include "trajectories/readworker.h"
#include "trajectories/scoretext.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
constexpr int kWindow = 100;
constexpr qsizetype kCacheLimit = 5000;   // rows kept; beyond it the cache starts over with what is visible
} // namespace

struct TrajectoryListModel::Refresh {
    QList<MergeKey> keys;
    MergePlan plan;
    QString error;
};

TrajectoryListModel::TrajectoryListModel(ReadWorker *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    // Requests from one paint pass are coalesced into one read per window.
    m_fetchTimer.setSingleShot(true);
    m_fetchTimer.setInterval(0);
    connect(&m_fetchTimer, &QTimer::timeout, this, &TrajectoryListModel::fetchPending);
}

TrajectoryListModel::~TrajectoryListModel() = default;

void TrajectoryListModel::setQuery(const TrajectoryQuery &query)
{
    m_query = query;
    m_query.offset = 0;
    m_query.limit = 0;
    // Another query is another list: start from empty rather than diffing unrelated orders.
    beginResetModel();
    m_keys.clear();
    m_rows.clear();
    m_wanted.clear();
    m_inFlight.clear();
    m_generation.next();
    endResetModel();
    refresh();
}

void TrajectoryListModel::refresh()
{
    const Generation::Token request = m_keysRequest.next();
    const TrajectoryQuery query = m_query;
    const QList<MergeKey> before = m_keys; // implicitly shared: the diff runs on the reader thread
    m_reader->run<Refresh>(this, [query, before](store::Database &db) {
        Refresh out;
        auto keys = listTrajectoryKeys(db, query);
        if (!keys) {
            out.error = keys.error().toString();
            return out;
        }
        out.keys.reserve(keys->size());
        for (const RowKey &k : *keys)
            out.keys << MergeKey{k.rowId, k.rowSeq};
        out.plan = planMerge(before, out.keys);
        return out;
    }, [this, request, before](Refresh result) {
        if (!m_keysRequest.isCurrent(request))
            return; // a newer refresh is on its way
        if (!result.error.isEmpty()) {
            Q_EMIT loadFailed(result.error);
            return;
        }
        // The plan was made against `before`; if the keys moved since, plan again from scratch.
        const bool reset = m_keys != before;
        applyKeys(request, result.keys, result.plan, reset);
    });
}

void TrajectoryListModel::applyKeys(quint64, const QList<MergeKey> &keys, const MergePlan &plan, bool reset)
{
    m_generation.next();
    m_inFlight.clear();
    if (reset) {
        beginResetModel();
        m_keys = keys;
        m_rows.clear();
        endResetModel();
        Q_EMIT refreshed();
        return;
    }
    for (const MergePlan::Range &range : plan.removals) {
        beginRemoveRows({}, range.first, range.first + range.count - 1);
        for (int i = 0; i < range.count; ++i)
            m_rows.remove(m_keys[range.first + i].id);
        m_keys.remove(range.first, range.count);
        endRemoveRows();
    }
    for (const MergePlan::Range &range : plan.insertions) {
        beginInsertRows({}, range.first, range.first + range.count - 1);
        for (int i = 0; i < range.count; ++i)
            m_keys.insert(range.first + i, keys[range.first + i]);
        endInsertRows();
    }
    // Changed rows: forget the cached copy and tell views; they ask again, which fetches the window.
    int first = -1;
    int last = -1;
    auto flush = [&] {
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        first = last = -1;
    };
    for (int row : plan.changed) {
        m_keys[row] = keys[row];
        m_rows.remove(keys[row].id);
        if (row != last + 1)
            flush();
        if (first < 0)
            first = row;
        last = row;
    }
    flush();
    Q_ASSERT(m_keys == keys);
    Q_EMIT refreshed();
}

int TrajectoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int TrajectoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TrajectoryListModel::rowOf(qint64 trajectoryId) const
{
    for (int i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i].id == trajectoryId)
            return i;
    }
    return -1;
}

void TrajectoryListModel::requestRow(int row) const
{
    const int window = row / kWindow;
    if (m_inFlight.contains(window))
        return;
    m_wanted.insert(window);
    if (!m_fetchTimer.isActive())
        m_fetchTimer.start();
}

void TrajectoryListModel::fetchPending()
{
    const QSet<int> windows = std::exchange(m_wanted, {});
    if (m_rows.size() > kCacheLimit)
        m_rows.clear();
    for (int window : windows) {
        const int first = window * kWindow;
        if (first >= m_keys.size() || m_inFlight.contains(window))
            continue;
        m_inFlight.insert(window);
        QList<qint64> ids;
        for (int i = first; i < std::min<int>(first + kWindow, int(m_keys.size())); ++i)
            ids << m_keys[i].id;
        const Generation::Token generation = m_generation.current();
        m_reader->run<Result<QList<TrajectoryRow>>>(this, [ids](store::Database &db) { return trajectoryRows(db, ids); },
                                                     [this, generation, first, window](Result<QList<TrajectoryRow>> rows) {
                                                         if (!m_generation.isCurrent(generation))
                                                             return; // the keys changed; views will ask again
                                                         m_inFlight.remove(window);
                                                         if (!rows) {
                                                             Q_EMIT loadFailed(rows.error().toString());
                                                             return;
                                                         }
                                                         applyRows(generation, first, *rows);
                                                     });
    }
}

void TrajectoryListModel::applyRows(quint64, int first, const QList<TrajectoryRow> &rows)
{
    for (const TrajectoryRow &row : rows)
        m_rows.insert(row.rowId, row);
    const int last = std::min<int>(first + kWindow, int(m_keys.size())) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

QVariant TrajectoryListModel::display(const TrajectoryRow &r, int column) const
{
    switch (Column(column)) {
    case StatusColumn: return r.executionStatus;
    case ScoreColumn: return scoreText(r.score);
    case SummaryColumn: return r.summary.isEmpty() ? u"(not summarised yet)"_s : r.summary.section(u'\n', 0, 0);
    case TagsColumn: return r.tags.join(u", "_s);
    case AgentColumn: return r.agentName.isEmpty() ? r.agentId : r.agentName;
    case StepsColumn: return r.stepCount;
    case DateColumn:
        return r.createdMs ? QDateTime::fromMSecsSinceEpoch(*r.createdMs).toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
    case ColumnCount: break;
    }
    return {};
}

QVariant TrajectoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MergeKey &key = m_keys[index.row()];
    if (role == TrajectoryIdRole)
        return key.id;
    const auto it = m_rows.constFind(key.id);
    if (it == m_rows.constEnd()) {
        requestRow(index.row());
        if (role == LoadedRole)
            return false;
        return role == Qt::DisplayRole && index.column() == SummaryColumn ? QVariant(u"…"_s) : QVariant();
    }
    const TrajectoryRow &r = *it;
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case Qt::ToolTipRole: return index.column() == ScoreColumn ? r.scoreReasoning : r.summary;
    case Qt::TextAlignmentRole:
        return index.column() == StepsColumn || index.column() == ScoreColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RunIdRole: return r.runId;
    case ExecutionStatusRole: return r.executionStatus;
    case ScoreRole: return r.score ? QVariant(*r.score) : QVariant();
    case SummaryRole: return r.summary;
    case TagsRole: return r.tags;
    case AgentIdRole: return r.agentId;
    case StepCountRole: return r.stepCount;
    case CreatedMsRole: return r.createdMs ? QVariant(*r.createdMs) : QVariant();
    case IsNewRole: return QDateTime::currentMSecsSinceEpoch() - r.builtMs < m_newWindowMs;
    case ProcessingStateRole: return r.processingState;
    case HumanScoreRole: return r.humanScore ? QVariant(*r.humanScore) : QVariant();
    case LoadedRole: return true;
    case RowRole: return QVariant::fromValue(r);
    default: return {};
    }
}

QVariant TrajectoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case StatusColumn: return tr("Status");
    case ScoreColumn: return tr("Learning value");
    case SummaryColumn: return tr("Summary");
    case TagsColumn: return tr("Tags");
    case AgentColumn: return tr("Agent");
    case StepsColumn: return tr("Steps");
    case DateColumn: return tr("Date");
    case ColumnCount: break;
    }
    return {};
}

QHash<int, QByteArray> TrajectoryListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{TrajectoryIdRole, "trajectoryId"}, {RunIdRole, "runId"}, {ExecutionStatusRole, "executionStatus"},
                  {ScoreRole, "score"}, {SummaryRole, "summary"}, {TagsRole, "tags"}, {AgentIdRole, "agentId"},
                  {StepCountRole, "stepCount"}, {CreatedMsRole, "createdMs"}, {IsNewRole, "isNew"},
                  {ProcessingStateRole, "processingState"}, {HumanScoreRole, "humanScore"}, {LoadedRole, "loaded"},
                  {RowRole, "row"}});
    return names;
}

} // namespace lettascope::trajectories
