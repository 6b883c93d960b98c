// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "serveraccess.h"
#include "store/entitywriter.h"
#include "sync/syncsource.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <optional>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::session {

enum class ConnectionState {
    Unknown,    ///< nothing synced yet this session
    Online,     ///< the last sync reached the server
    Offline,    ///< the server could not be reached; the cache stays browsable
    AuthFailed, ///< the server refused the token
    Failed,     ///< the server answered but the sync could not run (unsupported, cache error)
};
QString connectionStateLabel(ConnectionState state);

/**
 * Runs SyncEngine for the active server on a worker thread, now and then every interval. One sync at a time:
 * a request while one runs is remembered and runs after it. Lives on the GUI thread; every signal arrives there.
 */
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)
public:
    explicit SyncService(QObject *parent = nullptr);
    ~SyncService() override;

    /// The server to sync into `writer`'s cache through `withSource` (see serverAccess()); cancels and waits
    /// for a sync of the previous one. Call it before pointing clients at the new server. `writer` must
    /// outlive the target (clearTarget() releases it).
    void setTarget(store::StoreWriter *writer, const store::ServerRecord &server, SourceRunner withSource);
    /// Stops syncing (no active server). Waits for a running sync to stop.
    void clearTarget();

    void setIntervalSeconds(int seconds);   ///< 0: no auto-refresh
    void setOptions(const sync::SyncOptions &options) { m_options = options; }

    ConnectionState state() const { return m_state; }
    QString serverVersion() const { return m_serverVersion; }
    std::optional<qint64> lastSyncMs() const { return m_lastSyncMs; }
    bool isSyncing() const { return m_running; }

public Q_SLOTS:
    void syncNow();

Q_SIGNALS:
    void stateChanged(lettascope::session::ConnectionState state);
    void syncingChanged(bool syncing);
    void progress(const lettascope::sync::SyncProgress &progress);
    void finished(const lettascope::sync::SyncReport &report);
    void serverVersionChanged(const QString &version);
    void lastSyncChanged(qint64 epochMs);

private:
    void cancelAndWait();
    void onFinished(const sync::SyncReport &report);
    void setState(ConnectionState state);

    store::StoreWriter *m_writer = nullptr;
    SourceRunner m_withSource;
    std::optional<store::ServerRecord> m_target;
    sync::SyncOptions m_options;
    QThreadPool m_pool;
    QTimer m_timer;
    std::atomic_bool m_cancel = false;
    bool m_running = false;
    bool m_again = false;
    Generation m_generation; ///< advanced per target, so a cancelled sync's report is ignored
    ConnectionState m_state = ConnectionState::Unknown;
    QString m_serverVersion;
    std::optional<qint64> m_lastSyncMs;
};

} // namespace lettascope::session
