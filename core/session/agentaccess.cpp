// SPDX-License-Identifier: MIT
#include "agentaccess.h"

#include "appsettings.h"
#include "common/whenready.h"
#include "mcp/mcphttpserver.h"
#include "mcp/mcpserver.h"
#include "mcp/trajectorytools.h"
#include "net/credentialstore.h"
#include "trajectories/search/searchsession.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lettascope::session {

/// One launch's server objects, on the agent-access thread: the search session (its own read connection),
/// the tools over it, the protocol and the HTTP transport, destroyed together.
class Serving final : public QObject
{
public:
    Serving(std::unique_ptr<trajectories::SearchSession> session, const mcp::HttpServerOptions &options,
            QObject *parent)
        : QObject(parent)
        , m_tools(std::move(session), 0)
        , m_server(m_tools, {u"lettascope"_s, u"Lettascope trajectories"_s, QCoreApplication::applicationVersion(),
                             u"Your own past runs, scored by how well they went. Before a task, call "
                             "search_trajectories (include_contrasts=true shows what worked and what failed)."_s})
        , m_http(new mcp::McpHttpServer(m_server, options, this))
    {
    }

    mcp::McpHttpServer *http() const { return m_http; }
    mcp::McpServer &server() { return m_server; }

private:
    mcp::TrajectoryTools m_tools;
    mcp::McpServer m_server;
    mcp::McpHttpServer *m_http;
};

namespace {

/// "agent-1: search_trajectories “flaky test”", for the list of what agents asked.
QString describeCall(const QString &tool, const QJsonObject &arguments, const mcp::Caller &caller)
{
    QString text = tool;
    for (const QString &key : {u"query"_s, u"run_id"_s}) {
        if (arguments.value(key).isString())
            text += u" “%1”"_s.arg(arguments.value(key).toString().left(120));
    }
    return (caller.agentId.isEmpty() ? u"an agent"_s : caller.agentId) + u": "_s + text;
}

} // namespace

AgentAccess::AgentAccess(AppSettings &settings, net::CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_credentials(credentials)
    , m_host(new QObject)
{
    m_thread.setObjectName(u"lettascope-mcp"_s);
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

AgentAccess::~AgentAccess()
{
    // The host and the servers under it are deleted on their thread as it finishes.
    m_thread.quit();
    m_thread.wait();
}

void AgentAccess::useCache(const QString &path, std::shared_ptr<trajectories::StageBackend> embedder)
{
    m_cachePath = path;
    m_embedder = std::move(embedder);
    serveIfEnabled();
}

void AgentAccess::start()
{
    m_settings.setAgentAccessEnabled(true);
    serveIfEnabled();
}

void AgentAccess::stop()
{
    m_settings.setAgentAccessEnabled(false);
    launch(); // with nothing to serve: the running server goes
}

void AgentAccess::serveIfEnabled()
{
    if (!m_settings.agentAccessEnabled() || !m_token.isEmpty()) {
        launch();
        return;
    }
    const QString id = QString::fromLatin1(TokenKeychainId);
    whenReady(m_credentials.readToken(id), this, [this, id](const Result<net::StoredToken> &stored) {
        if (stored && !stored->token.isEmpty()) {
            m_token = stored->token;
            launch();
            return;
        }
        m_token = mcp::generateToken();
        whenReady(m_credentials.writeToken(id, m_token), this, [this](const Status &saved) {
            if (!saved)
                m_tokenWarning = tr("No keychain is available, so this token lasts until Lettascope quits.");
            launch();
        });
    });
}

void AgentAccess::launch()
{
    const Generation::Token launch = m_launch.next();
    const bool serve = m_settings.agentAccessEnabled() && !m_cachePath.isEmpty() && !m_token.isEmpty();
    mcp::HttpServerOptions options;
    options.port = quint16(m_settings.agentAccessPort());
    options.token = m_token;
    // Queued on the server thread, so a launch always replaces the one before it there, in order.
    QMetaObject::invokeMethod(m_host, [this, launch, serve, options, path = m_cachePath, embedder = m_embedder] {
        delete std::exchange(m_serving, nullptr);
        if (!serve) {
            QMetaObject::invokeMethod(this, [this, launch] { finishLaunch(launch, {}, {}); }, Qt::QueuedConnection);
            return;
        }
        QUrl url;
        QString problem;
        if (auto session = trajectories::SearchSession::open(path, embedder); !session) {
            problem = tr("The cache could not be opened for agents: %1").arg(session.error().toString());
        } else {
            m_serving = new Serving(std::move(*session), options, m_host);
            if (auto bound = m_serving->http()->listen(); !bound) {
                problem = tr("Agent access could not start: %1").arg(bound.error().message);
                delete std::exchange(m_serving, nullptr);
            } else {
                url = m_serving->http()->url();
                m_serving->server().setCallObserver([this](const QString &tool, const QJsonObject &arguments,
                                                           const mcp::Caller &caller) {
                    const QString call = describeCall(tool, arguments, caller);
                    QMetaObject::invokeMethod(this, [this, call] { record(call); }, Qt::QueuedConnection);
                });
            }
        }
        QMetaObject::invokeMethod(this, [this, launch, url, problem] { finishLaunch(launch, url, problem); },
                                  Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void AgentAccess::finishLaunch(Generation::Token launch, const QUrl &url, const QString &problem)
{
    if (!m_launch.isCurrent(launch))
        return;
    m_url = url;
    m_problem = problem.isEmpty() ? m_tokenWarning : problem;
    Q_EMIT stateChanged();
}

void AgentAccess::record(const QString &call)
{
    ++m_calls;
    m_recent.prepend(call);
    if (m_recent.size() > RecentCalls)
        m_recent.removeLast();
    Q_EMIT called();
}

} // namespace lettascope::session
