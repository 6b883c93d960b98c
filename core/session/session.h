// SPDX-License-Identifier: MIT
#pragma once

#include "activeserver.h"
#include "appserver/importreport.h"
#include "common/generation.h"
#include "serveraccess.h"
#include "sessionoptions.h"
#include "store/writebatch.h"

#include "letta/apitypes.h"

#include <QFuture>
#include <QObject>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <memory>

namespace lettascope::analytics {
class AnalyticsService;
class AnalyticsSettings;
}
namespace lettascope::demo {
class DemoServerThread;
}
namespace lettascope::net {
class CredentialStore;
class NetworkThread;
}
namespace lettascope::letta {
class ProfileStore;
}
namespace lettascope::store {
class StoreWriter;
struct ServerRecord;
}
namespace lettascope::appserver {
class Recorder;
struct AppServerEndpoint;
}
namespace lettascope::trajectories {
class ProcessingSettings;
class TrajectoryService;
}

namespace lettascope::session {

class AgentAccess;
class AppSettings;
class CacheReader;
class CacheServices;
class SyncService;

/**
 * What the desktop app is connected to and everything that works on it, without widgets: the configured
 * profiles, the active server (a profile or the built-in demo) and how to reach it (serverAccess()), the
 * cache with its reader, writer and services (trajectories, analytics), the sync keeping it fresh and the
 * settings they follow. Pages take what they need from here and connect themselves.
 *
 * Nothing here blocks the GUI thread: activation opens the cache and registers the server on the writer
 * thread and finishes with activeChanged(), or activationFailed(). The demo runs on its own temporary cache
 * so it never mixes with, or writes to, the user's data; switching between the demo and a profile switches
 * caches: cacheClosing() (let go of the old services), then cacheOpened() (take the new ones).
 */
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    Session(const SessionOptions &options, AppSettings &settings, std::unique_ptr<letta::ProfileStore> profiles,
            QObject *parent = nullptr);
    ~Session() override;

    /// Activates the demo (with --demo, or when no profile exists) or the current profile. Fails at once only
    /// when the demo server cannot start; the rest is reported by activeChanged() or activationFailed().
    Status start();

    letta::ProfileStore &profiles() { return *m_profiles; }
    net::CredentialStore &credentials() { return *m_credentials; }
    CacheReader &reader() { return *m_reader; }
    SyncService *sync() const { return m_sync.get(); }
    AppSettings &settings() { return m_settings; }
    trajectories::ProcessingSettings &processing() { return *m_processing; }
    analytics::AnalyticsSettings &analyticsSettings() { return *m_analyticsSettings; }
    /// Agents searching this cache's trajectories over MCP (Settings → Agent access).
    AgentAccess &agentAccess() { return *m_agentAccess; }

    /// The open cache's writer and services; null while none is open, replaced when the cache switches.
    store::StoreWriter *writer() const;
    trajectories::TrajectoryService *trajectories() const;
    analytics::AnalyticsService *analytics() const;

    const ActiveServer &active() const { return m_active; }
    bool isDemo() const { return m_active.profile.demo; }
    QString cachePath() const;
    /// Provider traces of the active server's steps; empty when it keeps none.
    const TraceFetcher &traceFetcher() const { return m_traces; }
    /// The demo server, while it runs (tests stop it to simulate an outage).
    demo::DemoServerThread *demoServer() const { return m_demo.get(); }

    /// Activates a saved profile (reading its token from the keychain first) or, for an empty id, the demo.
    void activate(const QString &profileId);
    void activateDemo();

    /// Asks `profile`'s server for its version with `token`, on a client of its own so the active sync is
    /// not disturbed.
    QFuture<Result<letta::ServerInfo>> testConnection(const letta::ServerProfile &profile, const QString &token);
    /// Imports a trajectory-v1 export or an App Server store folder into the active server's data, on a worker
    /// thread; `progress` is called there. Views refresh through cacheChanged(). A switch of cache cancels it
    /// and waits for it first, so it never writes through a writer that is gone.
    QFuture<appserver::ImportReport> importFolder(const QString &path, std::function<void(qint64, qint64)> progress);
    void cancelImport() { m_importCancel = true; }
    /// Deletes the open cache file and starts over with a fresh one (then syncs again).
    Status clearCache();
    /// Size of the cache file and its write-ahead log, in bytes.
    qint64 cacheSizeBytes() const;

Q_SIGNALS:
    /// A cache was opened (demo ↔ profiles, or cleared): its services are ready.
    void cacheOpened(const QString &path);
    /// The open cache's writer and services are about to be destroyed: let go of them now (synchronous).
    void cacheClosing();
    /// The live recorder of an App Server profile changed state ("recording", "reconnecting in 4 s", …).
    void recorderStateChanged(const QString &text);
    void activeChanged(const lettascope::session::ActiveServer &active);
    /// Something was committed to the cache (any thread's write, delivered on the GUI thread).
    void cacheChanged(const lettascope::store::ChangeSet &changes);
    /// Activation failed (cache, demo or token); the previous server stays active.
    void activationFailed(const QString &message);

private:
    void useServer(const letta::ServerProfile &profile, const QString &token, Generation::Token activation);
    /// Opens `path` on a writer thread unless it is the open cache; useCache() installs it.
    QFuture<Status> openCacheAt(const QString &path);
    /// Makes the cache opened at `path` the one in use, replacing the previous one.
    void useCache(const QString &path);
    void closeCache();
    void finishActivation(const letta::ServerProfile &profile, const QString &token, const ServerAccess &access,
                          const store::ServerRecord &record, qint64 serverId);
    /// Cancels an import in flight and waits for it (before the writer it uses goes away).
    void stopImport();
    void startRecorder(const store::ServerRecord &record, const appserver::AppServerEndpoint &endpoint);
    QString userCachePath() const;

    SessionOptions m_options;
    AppSettings &m_settings;
    std::unique_ptr<letta::ProfileStore> m_profiles;
    std::unique_ptr<net::CredentialStore> m_credentials;
    std::unique_ptr<trajectories::ProcessingSettings> m_processing;
    std::unique_ptr<analytics::AnalyticsSettings> m_analyticsSettings;
    std::unique_ptr<net::NetworkThread> m_network;
    std::unique_ptr<net::NetworkThread> m_probeNetwork; ///< connection tests; created on first use
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<demo::DemoServerThread> m_demo;
    std::unique_ptr<store::StoreWriter> m_opening;   ///< a cache being opened for an activation
    std::unique_ptr<CacheServices> m_cache;
    std::unique_ptr<AgentAccess> m_agentAccess;      ///< follows m_cache
    std::unique_ptr<appserver::Recorder> m_recorder; ///< App Server profiles: live events into the cache
    QFuture<appserver::ImportReport> m_import;
    std::atomic_bool m_importCancel = false;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    ActiveServer m_active;
    TraceFetcher m_traces;
    Generation m_activation; ///< drops the steps of an activation that a later one overtook
};

} // namespace lettascope::session
