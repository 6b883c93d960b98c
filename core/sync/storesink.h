// SPDX-License-Identifier: MIT
#pragma once

#include "store/sqlite.h"
#include "store/storewriter.h"
#include "syncsource.h"

#include <QFuture>
#include <QHash>

#include <atomic>
#include <deque>
#include <functional>

namespace lettascope::sync {

/// The SyncSink the engine hands to sources: batches go to the StoreWriter with at most two in flight,
/// reads go through a connection owned by the syncing thread.
class StoreSink final : public SyncSink
{
public:
    StoreSink(store::StoreWriter &writer, qint64 serverId, store::Database readConnection,
              QHash<QString, QString> state, std::function<void(const SyncProgress &)> progress,
              const std::atomic_bool *cancel);

    Status commit(store::WriteBatch batch) override;
    Status flush() override;
    QString state(const QString &key) const override;
    store::Database &cache() override { return m_read; }
    qint64 serverId() const override { return m_serverId; }
    void progress(const SyncProgress &progress) override;
    bool isCancelled() const override;

    const store::ChangeSet &changes() const { return m_changes; }

private:
    Status awaitOldest();

    store::StoreWriter &m_writer;
    qint64 m_serverId;
    store::Database m_read;
    QHash<QString, QString> m_state;
    std::function<void(const SyncProgress &)> m_progress;
    const std::atomic_bool *m_cancel;
    std::deque<QFuture<Result<store::ChangeSet>>> m_pending;
    Status m_firstError = success();
    store::ChangeSet m_changes;
};

} // namespace lettascope::sync
