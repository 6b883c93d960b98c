// SPDX-License-Identifier: MIT
#include "apiqueries.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
void addIf(net::QueryItems &items, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        items.append({key, value});
}

void addIf(net::QueryItems &items, const QString &key, std::optional<bool> value)
{
    if (value)
        items.append({key, *value ? u"true"_s : u"false"_s});
}

void addEach(net::QueryItems &items, const QString &key, const QStringList &values)
{
    for (const QString &value : values)
        items.append({key, value});
}
} // namespace

QStringList defaultAgentIncludes()
{
    return {u"agent.blocks"_s, u"agent.tools"_s, u"agent.tags"_s, u"agent.identities"_s};
}

int effectiveLimit(const PageQuery &query, int maxLimit)
{
    if (query.limit <= 0)
        return 0;
    return maxLimit > 0 ? std::min(query.limit, maxLimit) : query.limit;
}

net::QueryItems pageItems(const PageQuery &query, int maxLimit)
{
    net::QueryItems items;
    addIf(items, u"before"_s, query.before);
    addIf(items, u"after"_s, query.after);
    if (const int limit = effectiveLimit(query, maxLimit); limit > 0)
        items.append({u"limit"_s, QString::number(limit)});
    if (query.order != SortOrder::ServerDefault)
        items.append({u"order"_s, query.order == SortOrder::Ascending ? u"asc"_s : u"desc"_s});
    return items;
}

net::QueryItems agentIncludeItems(const QStringList &include)
{
    net::QueryItems items;
    addEach(items, u"include"_s, include);
    return items;
}

net::QueryItems agentItems(const AgentQuery &query)
{
    net::QueryItems items = pageItems(query);
    addIf(items, u"name"_s, query.name);
    addEach(items, u"tags"_s, query.tags);
    if (!query.tags.isEmpty() && query.matchAllTags)
        items.append({u"match_all_tags"_s, u"true"_s});
    items += agentIncludeItems(query.include);
    return items;
}

net::QueryItems runItems(const RunQuery &query, const ServerInfo &server)
{
    if (server.runsAreJobs()) {
        // 0.11 and older: agent_ids[] and `ascending` instead of agent_id and `order`, no status filters.
        net::QueryItems items = pageItems(PageQuery{query.before, query.after, query.limit, SortOrder::ServerDefault});
        addIf(items, u"agent_ids"_s, query.agentId);
        addIf(items, u"background"_s, query.background);
        if (query.order != SortOrder::ServerDefault)
            items.append({u"ascending"_s, query.order == SortOrder::Ascending ? u"true"_s : u"false"_s});
        return items;
    }
    net::QueryItems items = pageItems(query, 1000);
    addIf(items, u"agent_id"_s, query.agentId);
    addEach(items, u"statuses"_s, query.statuses);
    addIf(items, u"active"_s, query.active);
    addIf(items, u"background"_s, query.background);
    addIf(items, u"stop_reason"_s, query.stopReason);
    addIf(items, u"conversation_id"_s, query.conversationId);
    return items;
}

net::QueryItems stepItems(const StepQuery &query)
{
    net::QueryItems items = pageItems(query);
    addIf(items, u"agent_id"_s, query.agentId);
    addIf(items, u"model"_s, query.model);
    addIf(items, u"start_date"_s, query.startDate);
    addIf(items, u"end_date"_s, query.endDate);
    addEach(items, u"trace_ids"_s, query.traceIds);
    return items;
}

net::QueryItems messageItems(const MessageQuery &query, bool agentScoped)
{
    net::QueryItems items = pageItems(query);
    addIf(items, u"conversation_id"_s, query.conversationId);
    if (agentScoped && query.includeErrors)
        items.append({u"include_err"_s, u"true"_s});
    return items;
}

net::QueryItems jobItems(const JobQuery &query)
{
    net::QueryItems items = pageItems(query);
    addIf(items, u"active"_s, query.active);
    return items;
}

} // namespace lettascope::letta
