// SPDX-License-Identifier: MIT
#include "demoroutes.h"

#include <array>
#include <functional>

using namespace Qt::StringLiterals;

namespace lettascope::demo::routes {

namespace {

// letta/utils.py is_1_0_sdk_version: anything with a '/' in its User-Agent that is not the 1.x SDK
// counts as a legacy client, which gets every relationship when it asks for none (letta-api.md §1).
bool legacyClient(const DemoRequest &request)
{
    if (request.sdkHeader || !request.hasUserAgent || !request.userAgent.contains('/'))
        return false;
    return !request.userAgent.startsWith("@letta-ai/letta-client/1.") && !request.userAgent.startsWith("letta-client/1.");
}

std::optional<json::AgentInclude> includeFor(Context &context)
{
    const QStringList include = context.query.values(u"include"_s);
    if (include.isEmpty() && !context.query.has(u"include_relationships"_s) && legacyClient(context.request))
        return json::AgentInclude::all();
    json::AgentInclude result;
    const std::array<std::pair<QString, bool *>, 8> names{{{u"blocks"_s, &result.blocks},
                                                            {u"tools"_s, &result.tools},
                                                            {u"tags"_s, &result.tags},
                                                            {u"identities"_s, &result.identities},
                                                            {u"sources"_s, &result.sources},
                                                            {u"managed_group"_s, &result.managedGroup},
                                                            {u"pending_approval"_s, &result.pendingApproval},
                                                            {u"secrets"_s, &result.secrets}}};
    for (const QString &value : include) {
        bool known = false;
        for (const auto &[name, flag] : names) {
            if (value == u"agent." + name) {
                *flag = true;
                known = true;
            }
        }
        if (!known) {
            context.query.fail(DemoReply::validation(
                u"('query', 'include', 0)"_s, u"enum"_s,
                u"Input should be 'agent.blocks', 'agent.identities', 'agent.managed_group', 'agent.pending_approval', 'agent.secrets', 'agent.sources', 'agent.tags' or 'agent.tools'"_s,
                value));
            return std::nullopt;
        }
    }
    // The deprecated spelling names relationships without the "agent." prefix ("memory" = blocks).
    for (const QString &value : context.query.values(u"include_relationships"_s)) {
        for (const auto &[name, flag] : names) {
            if (value == name || (value == u"memory" && name == u"blocks"))
                *flag = true;
        }
    }
    return result;
}

bool agentMatches(Context &context, quint32 index)
{
    const DemoDataset &data = context.data;
    const AgentRec &agent = data.agents[index];
    const DemoQuery &query = context.query;
    if (query.has(u"name"_s) && agent.name != query.value(u"name"_s))
        return false;
    const QString text = query.value(u"query_text"_s);
    if (!text.isEmpty() && !agent.name.contains(text, Qt::CaseInsensitive))
        return false;
    const QStringList tags = query.values(u"tags"_s);
    if (!tags.isEmpty()) {
        const bool all = query.value(u"match_all_tags"_s) == u"true";
        qsizetype found = 0;
        for (const QString &tag : tags)
            found += agent.tags.contains(tag) ? 1 : 0;
        if (all ? found != tags.size() : found == 0)
            return false;
    }
    if (query.has(u"identity_id"_s)) {
        const auto identity = data.find(IdKind::Identity, query.value(u"identity_id"_s));
        if (!identity || std::find(agent.identities.begin(), agent.identities.end(), *identity) == agent.identities.end())
            return false;
    }
    const QStringList keys = query.values(u"identifier_keys"_s);
    if (!keys.isEmpty()) {
        bool any = false;
        for (quint16 identity : agent.identities)
            any = any || keys.contains(data.identities[identity].identifierKey);
        if (!any)
            return false;
    }
    if (query.has(u"last_stop_reason"_s)
        && QLatin1StringView(stopReasonName(agent.lastStopReason)) != query.value(u"last_stop_reason"_s))
        return false;
    // Nothing in the demo belongs to a project or template.
    return !query.has(u"project_id"_s) && !query.has(u"template_id"_s) && !query.has(u"base_template_id"_s);
}

DemoReply listAgents(Context &context)
{
    const auto include = includeFor(context);
    if (!include)
        return *context.query.error();
    const QString orderBy = context.query.has(u"order_by"_s) ? context.query.value(u"order_by"_s) : u"created_at"_s;
    const DemoDataset &data = context.data;
    std::function<qint64(quint32)> sortKey = [&](quint32 i) { return data.agents[i].created; };
    if (orderBy == u"updated_at")
        sortKey = [&](quint32 i) { return data.agents[i].updated; };
    else if (orderBy == u"last_run_completion")
        sortKey = [&](quint32 i) { return data.agents[i].lastRunCompletion; };
    else if (orderBy != u"created_at")
        return DemoReply::validation(u"('query', 'order_by')"_s, u"literal_error"_s,
                                     u"Input should be 'created_at', 'updated_at' or 'last_run_completion'"_s, orderBy);
    const ListSpec spec{CursorMode::Relative, IdKind::Agent, true, 50};
    return listReply(
        context, spec, rankBy(data.agents.size(), sortKey), [&](quint32 i) { return agentMatches(context, i); },
        [&](JsonWriter &out, quint32 i) { json::writeAgent(out, data, i, *include); });
}

DemoReply countAgents(Context &context)
{
    qint64 count = 0;
    for (quint32 i = 0; i < context.data.agents.size(); ++i)
        count += agentMatches(context, i) ? 1 : 0;
    return integerReply(count);
}

DemoReply getAgent(Context &context)
{
    const Lookup agent = findPathEntity(context, IdKind::Agent, 0, "agent_id");
    if (agent.failure)
        return *agent.failure;
    const auto include = includeFor(context);
    if (!include)
        return *context.query.error();
    QByteArray body;
    JsonWriter out(body);
    json::writeAgent(out, context.data, agent.index, *include);
    return DemoReply::json(std::move(body));
}

DemoReply agentTools(Context &context)
{
    const Lookup agent = findPathEntity(context, IdKind::Agent, 0, "agent_id");
    if (agent.failure)
        return *agent.failure;
    std::vector<quint32> tools(context.data.agents[agent.index].tools.begin(), context.data.agents[agent.index].tools.end());
    std::sort(tools.begin(), tools.end());
    const ListSpec spec{CursorMode::Relative, IdKind::Tool, true, 10};
    return listReply(context, spec, SubsetKeys{tools}, [](quint32) { return true; },
                     [&](JsonWriter &out, quint32 i) { json::writeTool(out, context.data, i); });
}

DemoReply agentBlocks(Context &context)
{
    const Lookup agent = findPathEntity(context, IdKind::Agent, 0, "agent_id");
    if (agent.failure)
        return *agent.failure;
    std::vector<quint32> blocks = context.data.agents[agent.index].blocks;
    std::sort(blocks.begin(), blocks.end());
    const ListSpec spec{CursorMode::Relative, IdKind::Block, true, 100};
    return listReply(context, spec, SubsetKeys{blocks}, [](quint32) { return true; },
                     [&](JsonWriter &out, quint32 i) { json::writeBlock(out, context.data, i); });
}

DemoReply agentMessages(Context &context)
{
    const Lookup agent = findPathEntity(context, IdKind::Agent, 0, "agent_id");
    if (agent.failure)
        return *agent.failure;
    const ListSpec spec{CursorMode::Absolute, IdKind::Message, true, 100};
    bool descending = true;
    auto result = pageOf(context, spec, SubsetKeys{context.data.agents[agent.index].messages},
                         [](quint32) { return true; }, &descending);
    if (auto *failure = std::get_if<DemoReply>(&result))
        return *failure;
    auto &page = std::get<std::vector<quint32>>(result);
    // The server fetches newest-first for desc and then reverses the page (letta-api.md §3): the
    // latest N messages, oldest first. The demo reproduces that quirk.
    if (descending)
        std::reverse(page.begin(), page.end());
    const QStringList types = requestedMessageTypes(context);
    const DemoContent content(context.data);
    QByteArray body;
    JsonWriter out(body);
    out.beginArray();
    for (quint32 message : page)
        writeMessageEntries(out, context, content, message, types);
    out.endArray();
    DemoReply reply = DemoReply::json(std::move(body));
    reply.messageList = true;
    return reply;
}

constexpr std::array kRoutes{
    Route{"agents", &listAgents},
    Route{"agents/count", &countAgents},
    Route{"agents/{}", &getAgent},
    Route{"agents/{}/tools", &agentTools},
    Route{"agents/{}/core-memory/blocks", &agentBlocks},
    Route{"agents/{}/messages", &agentMessages},
};

} // namespace

std::span<const Route> agentRoutes()
{
    return kRoutes;
}

} // namespace lettascope::demo::routes
