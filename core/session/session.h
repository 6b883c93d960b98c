// SPDX-License-Identifier: MIT
#pragma once

#include "activeserver.h"
#include "appserver/importreport.h"
#include "sessionoptions.h"
#include "store/writebatch.h"

#include "letta/apitypes.h"

#include <QFuture>
#include <QObject>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <memory>

namespace lettascope::demo {
class DemoServerThread;
}
namespace lettascope::letta {
class CredentialStore;
class HttpClient;
class NetworkThread;
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

namespace lettascope::session {

class AppSettings;
class CacheReader;
class SyncService;

/**
 * What the desktop app is connected to: the configured profiles, the active server (a profile or the built-in
 * demo), the cache it is read from and the sync keeping it fresh. No widgets; the window observes it.
 *
 * The demo runs on its own temporary cache so it never mixes with, or writes to, the user's data. Switching
 * between the demo and a profile therefore switches caches: cacheOpened() tells readers to reopen.
 */
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    Session(const SessionOptions &options, AppSettings &settings, std::unique_ptr<letta::ProfileStore> profiles,
            QObject *parent = nullptr);
    ~Session() override;

    /// Opens the demo (with --demo, or when no profile exists) or the current profile. Blocking only for the
    /// demo's start and the cache's open/migrate; the first sync runs in the background.
    Status start();

    letta::ProfileStore &profiles() { return *m_profiles; }
    letta::CredentialStore &credentials() { return *m_credentials; }
    CacheReader &reader() { return *m_reader; }
    /// The open cache's writer; replaced when the cache switches (cacheClosing(), then cacheOpened()).
    store::StoreWriter *writer() const { return m_writer.get(); }
    SyncService *sync() const { return m_sync.get(); }
    /// The REST client of the active server (on-demand reads such as provider traces).
    letta::HttpClient *http() const;
    AppSettings &settings() { return m_settings; }

    const ActiveServer &active() const { return m_active; }
    bool isDemo() const { return m_active.profile.demo; }
    QString cachePath() const;
    /// The demo server, while it runs (tests stop it to simulate an outage).
    demo::DemoServerThread *demoServer() const { return m_demo.get(); }

    /// Activates a saved profile (reading its token from the keychain first) or, for an empty id, the demo.
    void activate(const QString &profileId);
    void activateDemo();

    /// Asks `profile`'s server for its version with `token`, on a network thread of its own so the active
    /// sync is not disturbed.
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
    /// The cache file changed (demo ↔ profiles): readers were reopened on it.
    void cacheOpened(const QString &path);
    /// The open cache's writer is about to be destroyed: let go of it now (delivered synchronously).
    void cacheClosing();
    /// The live recorder of an App Server profile changed state ("recording", "reconnecting in 4 s", …).
    void recorderStateChanged(const QString &text);
    void activeChanged(const lettascope::session::ActiveServer &active);
    /// Something was committed to the cache (any thread's write, delivered on the GUI thread).
    void cacheChanged(const lettascope::store::ChangeSet &changes);
    /// Activation failed (cache, demo or token); the previous server stays active.
    void activationFailed(const QString &message);

private:
    Status openCache(const QString &path);
    void useServer(const letta::ServerProfile &profile, const QString &token);
    /// Cancels an import in flight and waits for it (before the writer it uses goes away).
    void stopImport();
    void startRecorder(const store::ServerRecord &record, const appserver::AppServerEndpoint &endpoint);
    QString userCachePath() const;

    SessionOptions m_options;
    AppSettings &m_settings;
    std::unique_ptr<letta::ProfileStore> m_profiles;
    std::unique_ptr<letta::CredentialStore> m_credentials;
    std::unique_ptr<letta::NetworkThread> m_network;
    std::unique_ptr<letta::NetworkThread> m_probeNetwork; ///< connection tests; created on first use
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<store::StoreWriter> m_writer;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<demo::DemoServerThread> m_demo;
    std::unique_ptr<appserver::Recorder> m_recorder; ///< App Server profiles: live events into the cache
    QFuture<appserver::ImportReport> m_import;
    std::atomic_bool m_importCancel = false;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    ActiveServer m_active;
    int m_activation = 0;   ///< drops token reads that a later activation overtook
};

} // namespace lettascope::session
