// SPDX-License-Identifier: MIT
#pragma once

#include "apiqueries.h"
#include "apitypes.h"
#include "net/httpclient.h"
#include "page.h"

#include <QFuture>
#include <QJsonValue>

#include <optional>

namespace lettascope::letta {

/**
 * The typed Letta REST API (letta-api.md §2) over an HttpClient: read-only GETs with explicit
 * `include=` parameters, repeated-key arrays and the exact trailing-slash collection paths.
 *
 * A small value: copy it freely; every method is const and thread-safe, and returns a future that
 * the HttpClient fulfils on the network thread, where the JSON is also parsed. Lists return one
 * Page; looping over cursors is the caller's job. Set the ServerInfo from health() before copying
 * it around, so 0.x servers get their parameter names and routes.
 * The HttpClient (its NetworkThread) must outlive every copy.
 */
class LettaApi
{
public:
    explicit LettaApi(net::HttpClient *http, ServerInfo server = {});

    net::HttpClient *http() const { return m_http; }
    const ServerInfo &serverInfo() const { return m_server; }
    void setServerInfo(const ServerInfo &server) { m_server = server; }

    /// GET /v1/health/: version probe.
    QFuture<Result<ServerInfo>> health() const;
    /// Any GET as JSON, for routes without a typed call.
    QFuture<Result<QJsonValue>> get(const QString &path, const net::QueryItems &query = {}) const;

    QFuture<Result<Page<Agent>>> listAgents(const AgentQuery &query = {}) const;
    QFuture<Result<Agent>> agent(const QString &agentId, const QStringList &include = defaultAgentIncludes()) const;
    QFuture<Result<Page<Message>>> agentMessages(const QString &agentId, const MessageQuery &query = {}) const;

    QFuture<Result<Page<Run>>> listRuns(const RunQuery &query = {}) const;
    QFuture<Result<Run>> run(const QString &runId) const;
    QFuture<Result<Page<Message>>> runMessages(const QString &runId, const PageQuery &query = {}) const;
    QFuture<Result<Page<Step>>> runSteps(const QString &runId, const PageQuery &query = {}) const;
    QFuture<Result<RunUsage>> runUsage(const QString &runId) const;
    /// 0.12+; older servers get ErrorKind::Unsupported without a request.
    QFuture<Result<RunMetrics>> runMetrics(const QString &runId) const;

    /// Org-wide steps. Likely HTTP 400 on servers 0.12–0.16.8 (letta-api.md §10); fall back to runSteps().
    QFuture<Result<Page<Step>>> listSteps(const StepQuery &query = {}) const;
    QFuture<Result<Step>> step(const QString &stepId) const;
    QFuture<Result<StepMetrics>> stepMetrics(const QString &stepId) const;
    QFuture<Result<Page<Message>>> stepMessages(const QString &stepId, const PageQuery &query = {}) const;
    /// nullopt when the server has no trace for the step (tracing off).
    QFuture<Result<std::optional<ProviderTrace>>> stepTrace(const QString &stepId) const;

    /// GET /v1/messages/: messages across all agents.
    QFuture<Result<Page<Message>>> listMessages(const MessageQuery &query = {}) const;

    QFuture<Result<Page<Job>>> listJobs(const JobQuery &query = {}) const;
    QFuture<Result<Job>> job(const QString &jobId) const;

    /// Tools, blocks, MCP servers, folders, archives, identities, models, embedding models,
    /// providers, groups and sandbox configs. Model lists ignore paging (the routes have none).
    QFuture<Result<Page<Resource>>> listResources(ResourceKind kind, const PageQuery &query = {}) const;

private:
    template<typename T, typename Parse>
    QFuture<Result<T>> fetchOne(const QString &path, net::QueryItems query, Parse parse) const;
    template<typename T, typename Parse>
    QFuture<Result<Page<T>>> fetchPage(const QString &path, net::QueryItems query, int limit, Parse parse) const;
    QFuture<Result<Page<Message>>> fetchMessages(const QString &path, net::QueryItems query, int limit,
                                                 const QString &agentId, const QString &runId) const;

    net::HttpClient *m_http = nullptr;
    ServerInfo m_server;
};

/// Path segment for an id: percent-encoded, so a malformed id cannot change the route.
QString pathId(const QString &id);

} // namespace lettascope::letta
