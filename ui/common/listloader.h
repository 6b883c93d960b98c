// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "common/result.h"
#include "tablerow.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace lettascope::store {
class Database;
}
namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui {

class RecordModel;

/// A window of rows and the size of the whole result, as a fetch returns it.
struct RowWindow {
    QList<TableRow> rows;
    qint64 total = 0;
};

/**
 * Feeds a RecordModel from the cache reader thread. The page sets a fetch (its query, captured by value);
 * the loader runs it off the GUI thread for the first window, for fetchMore() windows, and for refreshes that
 * merge. Every request carries a generation, so a result that a newer query overtook is dropped.
 */
class ListLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListLoader)
public:
    /// Builds rows off the GUI thread; runs on the reader thread, so it must only use its arguments.
    using Fetch = std::function<Result<RowWindow>(store::Database &db, qint64 offset, qint64 limit)>;

    ListLoader(session::CacheReader &reader, RecordModel *model, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    /// A new query: loads its first window and replaces the model's rows.
    void setFetch(Fetch fetch);
    /// The same query again (the cache changed): merges the loaded prefix without a reset.
    void refresh();
    /// Loads the first window again, replacing the rows (Retry after a failure).
    void reload();
    bool hasFetch() const { return bool(m_fetch); }
    /// Every row of the query (not just the loaded windows), read on the reader thread; for exports.
    QFuture<Result<RowWindow>> fetchAll() const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(qint64 total);
    void failed(const QString &message);

private:
    enum class Mode { Replace, Append, Merge };
    void request(Mode mode, qint64 offset, qint64 limit);

    session::CacheReader &m_reader;
    RecordModel *m_model = nullptr;
    Fetch m_fetch;
    int m_pageSize = 200;
    Generation m_generation;
    int m_pending = 0;
    bool m_refreshQueued = false;
};

} // namespace lettascope::ui
