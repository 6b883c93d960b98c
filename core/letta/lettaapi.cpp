// SPDX-License-Identifier: MIT
#include "lettaapi.h"

#include "common/jsonparse.h"
#include "parsepage.h"
#include "parsers.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
// Decoding errors name the request, so "invalid JSON at byte 17" says where it came from.
Error inContext(Error error, const QString &path)
{
    error.message = u"GET %1: %2"_s.arg(path, error.message);
    return error;
}

struct ResourceRoute {
    ResourceKind kind;
    QStringView path;
    bool paged;
};

constexpr std::array<ResourceRoute, ResourceKindCount> resourceRoutes{{
    {ResourceKind::Tool, u"/v1/tools/", true},
    {ResourceKind::Block, u"/v1/blocks/", true},
    {ResourceKind::McpServer, u"/v1/mcp-servers/", false},
    {ResourceKind::Folder, u"/v1/folders/", true},
    {ResourceKind::Archive, u"/v1/archives/", true},
    {ResourceKind::Identity, u"/v1/identities/", true},
    {ResourceKind::LlmModel, u"/v1/models/", false},
    {ResourceKind::EmbeddingModel, u"/v1/models/embedding", false},
    {ResourceKind::Provider, u"/v1/providers/", true},
    {ResourceKind::Group, u"/v1/groups/", true},
    {ResourceKind::SandboxConfig, u"/v1/sandbox-config/", true},
}};

Result<Page<Resource>> parseResourcePage(ResourceKind kind, const QJsonValue &body, int limit)
{
    const auto parse = [kind](const QJsonValue &item) { return parseResource(kind, item); };
    if (kind != ResourceKind::McpServer || !body.isObject())
        return parsePage<Resource>(body, limit, parse);
    // Legacy GET /v1/tools/mcp/servers shape: an object keyed by server name.
    QJsonArray servers;
    const QJsonObject byName = body.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        QJsonObject server = it.value().toObject();
        server.insert(u"server_name"_s, it.key());
        if (!server.contains(u"id"))
            server.insert(u"id"_s, it.key());
        servers.append(server);
    }
    return parsePage<Resource>(servers, limit, parse);
}
} // namespace

QString pathId(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

LettaApi::LettaApi(net::HttpClient *http, ServerInfo server) : m_http(http), m_server(std::move(server)) { }

template<typename T, typename Parse>
QFuture<Result<T>> LettaApi::fetchOne(const QString &path, net::QueryItems query, Parse parse) const
{
    return m_http->send<T>(net::HttpRequest::get(path, std::move(query)), [path, parse](const net::HttpResponse &response) -> Result<T> {
        const auto body = parseJsonText(response.body);
        if (!body.ok())
            return inContext(body.error(), path);
        auto parsed = parse(body.value());
        if (!parsed.ok())
            return inContext(parsed.error(), path);
        return std::move(parsed).value();
    });
}

template<typename T, typename Parse>
QFuture<Result<Page<T>>> LettaApi::fetchPage(const QString &path, net::QueryItems query, int limit, Parse parse) const
{
    return fetchOne<Page<T>>(path, std::move(query),
                             [limit, parse](const QJsonValue &body) { return parsePage<T>(body, limit, parse); });
}

QFuture<Result<Page<Message>>> LettaApi::fetchMessages(const QString &path, net::QueryItems query, int limit,
                                                       const QString &agentId, const QString &runId) const
{
    return fetchOne<Page<Message>>(path, std::move(query), [=](const QJsonValue &body) {
        auto page = parsePage<Message>(body, limit, parseMessageItem);
        if (!page.ok())
            return page;
        // LettaMessages do not name their agent; the route does.
        qint64 sequence = 0;
        for (Message &m : page.value().items) {
            m.sequence = sequence++;
            if (m.agentId.isEmpty())
                m.agentId = agentId;
            if (m.runId.isEmpty())
                m.runId = runId;
        }
        return page;
    });
}

QFuture<Result<ServerInfo>> LettaApi::health() const
{
    return fetchOne<ServerInfo>(u"/v1/health/"_s, {}, parseServerInfo);
}

QFuture<Result<QJsonValue>> LettaApi::get(const QString &path, const net::QueryItems &query) const
{
    return m_http->getJson(path, query);
}

QFuture<Result<Page<Agent>>> LettaApi::listAgents(const AgentQuery &query) const
{
    return fetchPage<Agent>(u"/v1/agents/"_s, agentItems(query), effectiveLimit(query), parseAgent);
}

QFuture<Result<Agent>> LettaApi::agent(const QString &agentId, const QStringList &include) const
{
    return fetchOne<Agent>(u"/v1/agents/"_s + pathId(agentId), agentIncludeItems(include), parseAgent);
}

QFuture<Result<Page<Message>>> LettaApi::agentMessages(const QString &agentId, const MessageQuery &query) const
{
    return fetchMessages(u"/v1/agents/%1/messages"_s.arg(pathId(agentId)), messageItems(query, true),
                         effectiveLimit(query), agentId, {});
}

QFuture<Result<Page<Run>>> LettaApi::listRuns(const RunQuery &query) const
{
    const int limit = effectiveLimit(query, m_server.runsAreJobs() ? 0 : 1000);
    return fetchPage<Run>(u"/v1/runs/"_s, runItems(query, m_server), limit, parseRun);
}

QFuture<Result<Run>> LettaApi::run(const QString &runId) const
{
    return fetchOne<Run>(u"/v1/runs/"_s + pathId(runId), {}, parseRun);
}

QFuture<Result<Page<Message>>> LettaApi::runMessages(const QString &runId, const PageQuery &query) const
{
    return fetchMessages(u"/v1/runs/%1/messages"_s.arg(pathId(runId)), pageItems(query), effectiveLimit(query),
                         {}, runId);
}

QFuture<Result<Page<Step>>> LettaApi::runSteps(const QString &runId, const PageQuery &query) const
{
    return fetchPage<Step>(u"/v1/runs/%1/steps"_s.arg(pathId(runId)), pageItems(query), effectiveLimit(query),
                           parseStep);
}

QFuture<Result<RunUsage>> LettaApi::runUsage(const QString &runId) const
{
    return fetchOne<RunUsage>(u"/v1/runs/%1/usage"_s.arg(pathId(runId)), {}, parseRunUsage);
}

QFuture<Result<RunMetrics>> LettaApi::runMetrics(const QString &runId) const
{
    if (m_server.runsAreJobs()) {
        return QtFuture::makeReadyFuture(Result<RunMetrics>(Error{
            ErrorKind::Unsupported, u"run metrics need Letta 0.12 or newer (server is %1)"_s.arg(m_server.version)}));
    }
    return fetchOne<RunMetrics>(u"/v1/runs/%1/metrics"_s.arg(pathId(runId)), {}, parseRunMetrics);
}

QFuture<Result<Page<Step>>> LettaApi::listSteps(const StepQuery &query) const
{
    return fetchPage<Step>(u"/v1/steps/"_s, stepItems(query), effectiveLimit(query), parseStep);
}

QFuture<Result<Step>> LettaApi::step(const QString &stepId) const
{
    return fetchOne<Step>(u"/v1/steps/"_s + pathId(stepId), {}, parseStep);
}

QFuture<Result<StepMetrics>> LettaApi::stepMetrics(const QString &stepId) const
{
    return fetchOne<StepMetrics>(u"/v1/steps/%1/metrics"_s.arg(pathId(stepId)), {}, parseStepMetrics);
}

QFuture<Result<Page<Message>>> LettaApi::stepMessages(const QString &stepId, const PageQuery &query) const
{
    return fetchMessages(u"/v1/steps/%1/messages"_s.arg(pathId(stepId)), pageItems(query), effectiveLimit(query),
                         {}, {});
}

QFuture<Result<std::optional<ProviderTrace>>> LettaApi::stepTrace(const QString &stepId) const
{
    const QString path = m_server.hasStepTraceRoute() ? u"/v1/steps/%1/trace"_s.arg(pathId(stepId))
                                                      : u"/v1/telemetry/%1"_s.arg(pathId(stepId));
    return fetchOne<std::optional<ProviderTrace>>(path, {}, parseProviderTrace);
}

QFuture<Result<Page<Message>>> LettaApi::listMessages(const MessageQuery &query) const
{
    return fetchMessages(u"/v1/messages/"_s, messageItems(query, false), effectiveLimit(query), {}, {});
}

QFuture<Result<Page<Job>>> LettaApi::listJobs(const JobQuery &query) const
{
    return fetchPage<Job>(u"/v1/jobs/"_s, jobItems(query), effectiveLimit(query), parseJob);
}

QFuture<Result<Job>> LettaApi::job(const QString &jobId) const
{
    return fetchOne<Job>(u"/v1/jobs/"_s + pathId(jobId), {}, parseJob);
}

QFuture<Result<Page<Resource>>> LettaApi::listResources(ResourceKind kind, const PageQuery &query) const
{
    const ResourceRoute &route = resourceRoutes[size_t(kind)];
    const int limit = route.paged ? effectiveLimit(query) : 0;
    return fetchOne<Page<Resource>>(route.path.toString(), route.paged ? pageItems(query) : net::QueryItems{},
                                    [kind, limit](const QJsonValue &body) { return parseResourcePage(kind, body, limit); });
}

} // namespace lettascope::letta
