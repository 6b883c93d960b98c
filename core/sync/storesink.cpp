// SPDX-License-Identifier: MIT
#include "storesink.h"

namespace lettascope::sync {

namespace {
// Two batches in flight keep the writer busy while the source fetches the next page, without letting a
// fast source pile up pages in memory.
constexpr size_t kMaxPendingBatches = 2;
} // namespace

StoreSink::StoreSink(store::StoreWriter &writer, qint64 serverId, store::Database readConnection,
                     QHash<QString, QString> state, std::function<void(const SyncProgress &)> progress,
                     const std::atomic_bool *cancel)
    : m_writer(writer)
    , m_serverId(serverId)
    , m_read(std::move(readConnection))
    , m_state(std::move(state))
    , m_progress(std::move(progress))
    , m_cancel(cancel)
{
}

Status StoreSink::commit(store::WriteBatch batch)
{
    if (!m_firstError)
        return m_firstError;
    if (batch.isEmpty())
        return success();
    for (auto it = batch.syncState.cbegin(); it != batch.syncState.cend(); ++it)
        m_state.insert(it.key(), it.value());
    m_pending.push_back(m_writer.write(m_serverId, std::move(batch)));
    while (m_pending.size() > kMaxPendingBatches) {
        if (auto status = awaitOldest(); !status)
            return status;
    }
    return m_firstError;
}

Status StoreSink::awaitOldest()
{
    auto result = m_pending.front().result();
    m_pending.pop_front();
    if (!result) {
        if (m_firstError)
            m_firstError = result.error();
    } else {
        m_changes.merge(*result);
    }
    return m_firstError;
}

Status StoreSink::flush()
{
    while (!m_pending.empty())
        awaitOldest();
    return m_firstError;
}

QString StoreSink::state(const QString &key) const
{
    return m_state.value(key);
}

void StoreSink::progress(const SyncProgress &progress)
{
    if (m_progress)
        m_progress(progress);
}

bool StoreSink::isCancelled() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

} // namespace lettascope::sync
