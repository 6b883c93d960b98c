// SPDX-License-Identifier: MIT
#pragma once

#include "tablerow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>

namespace lettascope::ui {

/**
 * The model behind every list view: rows are prepared off the GUI thread (TableRow), arrive a window at a
 * time through fetchMore(), and a refresh merges by key, inserting, removing, moving and updating rows, never
 * resetting, so selection and scroll survive. Sorting is the cache's job: sort() asks for a reload in the
 * new order through sortRequested().
 */
class RecordModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordModel)
public:
    enum Role { KeyRole = Qt::UserRole + 1, PayloadRole, MarkerRole };

    explicit RecordModel(const QStringList &headers, QObject *parent = nullptr);
    ~RecordModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    /// Asked for the next window when the view scrolls near the end; answer with appendRows().
    void setFetchMoreHandler(std::function<void(int offset)> handler) { m_fetchMore = std::move(handler); }
    /// Whether the cache holds rows past the loaded ones (total from a count query).
    void setTotal(qint64 total) { m_total = total; }
    qint64 total() const { return m_total; }

    /// A new query: replaces everything (filters or sort changed; a refresh uses merge()).
    void reset(const QList<TableRow> &rows, qint64 total);
    /// A window fetched for fetchMore(); rows whose key is already present are merged instead.
    void appendRows(const QList<TableRow> &rows);
    /// A refresh of the first rows: the model's prefix becomes `fresh`, by key, with the smallest changes.
    void merge(const QList<TableRow> &fresh, qint64 total);

    const TableRow &row(int index) const { return m_rows.at(index); }
    int indexOfKey(const QString &key) const;
    const QList<TableRow> &rows() const { return m_rows; }
    QStringList headers() const { return m_headers; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    int sortColumn() const { return m_sortColumn; }

Q_SIGNALS:
    void sortRequested(int column, Qt::SortOrder order);

private:
    void rebuildIndex(int from);
    void updateRow(int index, const TableRow &row);

    QStringList m_headers;
    QList<TableRow> m_rows;
    QHash<QString, int> m_index;
    qint64 m_total = 0;
    bool m_fetching = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    std::function<void(int)> m_fetchMore;
};

} // namespace lettascope::ui
