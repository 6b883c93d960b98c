// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/writebatch.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope::store {
class Database;
}

namespace lettascope::sync {

struct SyncOptions {
    bool fetchStepMetrics = true;   ///< per-step timings (one request per step)
    /// At most this many metric requests per sync, newest runs first. Letta has no bulk metrics route, so a
    /// large history is backfilled over several syncs instead of multiplying the first one's duration.
    qint64 stepMetricsBudget = 2000;
    std::optional<qint64> historySinceMs; ///< ignore runs created before (history depth); empty = all
};

/// Where a sync is, for progress displays.
struct SyncProgress {
    QString phase;      ///< "runs", "messages", "step metrics" …
    qint64 done = 0;
    std::optional<qint64> total;
};

/// What happened to one resource during a sync.
struct ResourceReport {
    QString resource;
    qint64 fetched = 0;     ///< items received (changed or not)
    qint64 requests = 0;
    qint64 skipped = 0;     ///< items the source sent but could not be parsed (kept out of the cache)
    bool ok = true;
    QString error;          ///< why it failed; the other resources still ran
    QString note;           ///< something worth knowing that is not a failure (e.g. a fallback was used)
};

struct SyncReport {
    QString serverVersion;
    QList<ResourceReport> resources;
    bool cancelled = false;
    Error fatal;            ///< set when the sync could not run at all (server unreachable, cache error)
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    store::ChangeSet changes;

    bool ok() const;
    qint64 requests() const;
    qint64 fetched() const;
    ResourceReport &resource(const QString &name);
    /// One line for status bars and the CLI: "12 runs, 340 messages fetched in 1.2 s; steps failed: …".
    QString summary() const;
};

/// How a source reaches the store. Implemented by the SyncEngine.
class SyncSink
{
public:
    virtual ~SyncSink() = default;
    /// Hands a batch to the writer. Returns at once unless two batches are already pending, so memory
    /// stays bounded; a write error is returned here or by a later call.
    virtual Status commit(store::WriteBatch batch) = 0;
    /// Waits until every queued batch is committed.
    virtual Status flush() = 0;
    /// A sync-state key as committed (including by this sync); empty when unset.
    virtual QString state(const QString &key) const = 0;
    /// A read connection to the cache, opened on the syncing thread. flush() first to see your writes.
    virtual store::Database &cache() = 0;
    virtual qint64 serverId() const = 0;
    virtual void progress(const SyncProgress &progress) = 0;
    virtual bool isCancelled() const = 0;
};

/// A kind of server (classic REST, App Server, an import) as the sync engine sees it. `sync` runs on
/// the calling worker thread and blocks; network I/O happens wherever the source's client lives.
class SyncSource
{
public:
    virtual ~SyncSource() = default;
    /// The server's version (e.g. "0.16.8"); an error when it cannot be reached or is not supported.
    virtual Result<QString> probe() = 0;
    /// Fetches what changed since the sink's state and commits it in batches. Failures of one resource are
    /// recorded in the report and never stop the others.
    virtual void sync(SyncSink &sink, const SyncOptions &options, SyncReport &report) = 0;
};

} // namespace lettascope::sync

Q_DECLARE_METATYPE(lettascope::sync::SyncProgress)
Q_DECLARE_METATYPE(lettascope::sync::SyncReport)
