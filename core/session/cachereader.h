// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/dbthread.h"

#include <QFuture>

#include <functional>

namespace lettascope::session {

/// The GUI's read side of the cache: a DbThread with a read-only connection (WAL lets it read while the
/// writer commits). Views queue queries here and continue with whenReady(future, context, …) on the GUI
/// thread, so no query larger than a lookup ever runs where it could stall painting. Jobs run in
/// submission order.
class CacheReader final
{
public:
    CacheReader();
    Q_DISABLE_COPY_MOVE(CacheReader)

    /// (Re)opens the connection on the reader thread; queued reads that follow use it.
    QFuture<Status> open(const QString &path);
    /// Closes the connection (before the file is deleted); reads fail until the next open().
    QFuture<void> close();

    template<typename T>
    QFuture<Result<T>> read(std::function<Result<T>(store::Database &)> job)
    {
        return m_db.call<T>(std::move(job));
    }

private:
    store::DbThread m_db;
};

} // namespace lettascope::session
