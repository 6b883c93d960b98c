// SPDX-License-Identifier: MIT
#include "recordmodel.h"

#include <QColor>
#include <QScopeGuard>
#include <QSet>

namespace lettascope::ui {

namespace {
QColor markerColor(TableRow::Marker marker)
{
    switch (marker) {
    case TableRow::Marker::Running: return QColor(0x00, 0xb8, 0xd4);
    case TableRow::Marker::Failed: return QColor(0xe0, 0x20, 0xa0);
    case TableRow::Marker::Stuck: return QColor(0xf0, 0xa0, 0x00);
    case TableRow::Marker::None: break;
    }
    return {};
}
} // namespace

RecordModel::RecordModel(const QStringList &headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(headers)
{
}

RecordModel::~RecordModel() = default;

int RecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant RecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() < row.cells.size() ? row.cells.at(index.column()) : QString();
    case Qt::ToolTipRole:
        if (index.column() == 0 && !row.markerTip.isEmpty())
            return row.markerTip;
        return index.column() < row.cells.size() ? row.cells.at(index.column()) : QString();
    case Qt::DecorationRole:
        if (index.column() == 0 && row.marker != TableRow::Marker::None)
            return markerColor(row.marker);
        return {};
    case Qt::AccessibleDescriptionRole:
        return index.column() == 0 ? row.markerTip : QString();
    case KeyRole:
        return row.key;
    case PayloadRole:
        return row.payload;
    case MarkerRole:
        return int(row.marker);
    default:
        return {};
    }
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

bool RecordModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_fetchMore && m_rows.size() < m_total;
}

void RecordModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    m_fetchMore(int(m_rows.size()));
}

void RecordModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT sortRequested(column, order);
}

int RecordModel::indexOfKey(const QString &key) const
{
    return m_index.value(key, -1);
}

void RecordModel::rebuildIndex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).key, i);
}

void RecordModel::reset(const QList<TableRow> &rows, qint64 total)
{
    beginResetModel();
    m_rows = rows;
    m_index.clear();
    rebuildIndex(0);
    m_total = total;
    m_fetching = false;
    endResetModel();
}

void RecordModel::updateRow(int index, const TableRow &row)
{
    if (m_rows.at(index) == row) {
        m_rows[index].payload = row.payload;
        return;
    }
    m_rows[index] = row;
    Q_EMIT dataChanged(this->index(index, 0), this->index(index, int(m_headers.size()) - 1));
}

void RecordModel::appendRows(const QList<TableRow> &rows)
{
    // The request stays "in flight" until the rows are in: views call fetchMore() from the insert signals.
    const auto done = qScopeGuard([this] { m_fetching = false; });
    QList<TableRow> added;
    for (const TableRow &row : rows) {
        if (const int existing = indexOfKey(row.key); existing >= 0)
            updateRow(existing, row);
        else
            added << row;
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows << added;
    rebuildIndex(first);
    endInsertRows();
}

void RecordModel::merge(const QList<TableRow> &fresh, qint64 total)
{
    m_total = total;
    QSet<QString> freshKeys;
    freshKeys.reserve(fresh.size());
    for (const TableRow &row : fresh)
        freshKeys.insert(row.key);

    // 1. Remove what is gone, in contiguous ranges from the end so earlier positions stay valid.
    bool removed = false;
    for (int end = int(m_rows.size()) - 1; end >= 0;) {
        if (freshKeys.contains(m_rows.at(end).key)) {
            --end;
            continue;
        }
        int begin = end;
        while (begin > 0 && !freshKeys.contains(m_rows.at(begin - 1).key))
            --begin;
        beginRemoveRows({}, begin, end);
        m_rows.remove(begin, end - begin + 1);
        endRemoveRows();
        removed = true;
        end = begin - 1;
    }
    if (removed) {
        m_index.clear();
        rebuildIndex(0);
    }

    // 2. Walk the fresh order: keep, move up, or insert runs of new rows; update changed cells in place.
    for (int i = 0; i < fresh.size();) {
        const TableRow &want = fresh.at(i);
        if (i < m_rows.size() && m_rows.at(i).key == want.key) {
            updateRow(i, want);
            ++i;
            continue;
        }
        if (const int at = indexOfKey(want.key); at > i) {
            beginMoveRows({}, at, at, {}, i);
            m_rows.move(at, i);
            endMoveRows();
            rebuildIndex(i);
            updateRow(i, want);
            ++i;
            continue;
        }
        int count = 1;
        while (i + count < fresh.size() && indexOfKey(fresh.at(i + count).key) < 0)
            ++count;
        beginInsertRows({}, i, i + count - 1);
        for (int k = 0; k < count; ++k)
            m_rows.insert(i + k, fresh.at(i + k));
        rebuildIndex(i);
        endInsertRows();
        i += count;
    }
}

} // namespace lettascope::ui
