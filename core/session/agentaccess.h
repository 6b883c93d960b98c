// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"

#include <QObject>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <memory>

namespace lettascope::net {
class CredentialStore;
}
namespace lettascope::trajectories {
class StageBackend;
}

namespace lettascope::session {

class AppSettings;
class Serving;

/**
 * Settings → Agent access: the open cache's trajectories served to agents over MCP's Streamable HTTP on
 * 127.0.0.1 (`mcp/mcphttpserver.h`), so Letta Code or a Letta server on this machine can attach it. The server
 * runs on a thread of its own (a search takes tens of milliseconds) and follows the session's cache; while
 * enabled it starts with every cache opened. The bearer token lives in the keychain; when no keychain answers
 * it is kept for this run only and the state says so. Counts the calls and keeps the last few, so the person
 * sees what agents asked.
 */
class AgentAccess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentAccess)
public:
    static constexpr const char *TokenKeychainId = "mcp-http-token";
    static constexpr int RecentCalls = 10;

    AgentAccess(AppSettings &settings, net::CredentialStore &credentials, QObject *parent = nullptr);
    ~AgentAccess() override;

    /// The cache to serve (empty: none is open) and the backend that embeds agents' queries (the one the
    /// Trajectories tab's search uses). A running server moves to it.
    void useCache(const QString &path, std::shared_ptr<trajectories::StageBackend> embedder);
    /// Starts serving (and remembers to, for later caches) on the saved port; stop() the reverse.
    void start();
    void stop();

    bool isRunning() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    /// Why the server is not running, or a warning about the token; empty when all is well.
    QString problem() const { return m_problem; }
    int callCount() const { return m_calls; }
    QStringList recentCalls() const { return m_recent; }   ///< newest first

Q_SIGNALS:
    void stateChanged();
    void called();

private:
    /// Serves the cache if enabled, fetching (or creating) the token first.
    void serveIfEnabled();
    void launch();
    void finishLaunch(Generation::Token launch, const QUrl &url, const QString &problem);
    void record(const QString &call);

    AppSettings &m_settings;
    net::CredentialStore &m_credentials;
    QThread m_thread;
    QObject *m_host = nullptr;      ///< lives on m_thread; owns the server objects of the current launch
    Serving *m_serving = nullptr;   ///< the current launch's, touched on m_thread only
    QString m_cachePath;
    std::shared_ptr<trajectories::StageBackend> m_embedder;
    QString m_token;
    QUrl m_url;
    QString m_problem;
    QString m_tokenWarning;
    Generation m_launch;            ///< launches overtaken by a later one report nothing
    int m_calls = 0;
    QStringList m_recent;
};

} // namespace lettascope::session
