// SPDX-License-Identifier: MIT
#include "demoroutes.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lettascope::demo::routes {

namespace {

struct RunFilter {
    std::vector<quint32> agents;
    bool agentGiven = false;
    quint8 statusMask = 0; ///< bit per RunState; 0 = any
    std::optional<bool> background;
    std::optional<StopReason> stopReason;
    bool conversation = false;

    bool accepts(const RunRec &run) const
    {
        if (agentGiven && std::find(agents.begin(), agents.end(), run.agent) == agents.end())
            return false;
        if (statusMask && !(statusMask & (1U << unsigned(run.state))))
            return false;
        if (background && run.background != *background)
            return false;
        if (stopReason && run.stopReason != *stopReason)
            return false;
        return !conversation;
    }
};

RunFilter runFilter(Context &context)
{
    RunFilter filter;
    DemoQuery &query = context.query;
    QStringList agentIds = query.values(u"agent_ids"_s);
    if (query.has(u"agent_id"_s))
        agentIds << query.value(u"agent_id"_s);
    filter.agentGiven = !agentIds.isEmpty();
    for (const QString &id : agentIds) {
        // An unknown agent simply matches nothing, as the SQL filter does.
        if (const auto agent = context.data.find(IdKind::Agent, id))
            filter.agents.push_back(*agent);
    }
    for (const QString &status : query.values(u"statuses"_s)) {
        const auto state = parseRunState(status);
        if (!state) {
            query.fail(DemoReply::validation(u"('query', 'statuses', 0)"_s, u"enum"_s,
                                             u"Input should be 'created', 'running', 'completed', 'failed' or 'cancelled'"_s,
                                             status));
            continue;
        }
        filter.statusMask |= quint8(1U << unsigned(*state));
    }
    if (query.flag(u"active"_s).value_or(false))
        filter.statusMask = quint8((1U << unsigned(RunState::Created)) | (1U << unsigned(RunState::Running)));
    filter.background = query.flag(u"background"_s);
    if (query.has(u"stop_reason"_s)) {
        filter.stopReason = parseStopReason(query.value(u"stop_reason"_s));
        if (!filter.stopReason)
            query.fail(DemoReply::validation(u"('query', 'stop_reason')"_s, u"enum"_s,
                                             u"Input should be a valid StopReasonType"_s, query.value(u"stop_reason"_s)));
    }
    filter.conversation = query.has(u"conversation_id"_s);
    if (query.has(u"order_by"_s) && query.value(u"order_by"_s) != u"created_at")
        query.fail(DemoReply::validation(u"('query', 'order_by')"_s, u"literal_error"_s,
                                         u"Input should be 'created_at'"_s, query.value(u"order_by"_s)));
    return filter;
}

DemoReply listRuns(Context &context)
{
    const RunFilter filter = runFilter(context);
    const ListSpec spec{CursorMode::Inverted, IdKind::Run, true, 100, 1, 1000};
    const DemoDataset &data = context.data;
    return listReply(context, spec, IndexKeys{data.runs.size()}, [&](quint32 i) { return filter.accepts(data.runs[i]); },
                     [&](JsonWriter &out, quint32 i) { json::writeRun(out, data, i, true); });
}

DemoReply activeRuns(Context &context)
{
    RunFilter filter = runFilter(context);
    filter.statusMask = quint8((1U << unsigned(RunState::Created)) | (1U << unsigned(RunState::Running)));
    if (context.query.error())
        return *context.query.error();
    const DemoDataset &data = context.data;
    QByteArray body;
    JsonWriter out(body);
    out.beginArray();
    int written = 0;
    for (size_t i = data.runs.size(); i > 0 && written < 100; --i) {
        if (filter.accepts(data.runs[i - 1])) {
            json::writeRun(out, data, quint32(i - 1), true);
            ++written;
        }
    }
    out.endArray();
    return DemoReply::json(std::move(body));
}

template<typename Write>
DemoReply withRun(Context &context, Write write)
{
    const Lookup run = findPathEntity(context, IdKind::Run, 0, "run_id");
    if (run.failure)
        return *run.failure;
    QByteArray body;
    JsonWriter out(body);
    write(out, run.index);
    return DemoReply::json(std::move(body));
}

DemoReply getRun(Context &context)
{
    return withRun(context, [&](JsonWriter &out, quint32 run) { json::writeRun(out, context.data, run, false); });
}

DemoReply runUsage(Context &context)
{
    return withRun(context, [&](JsonWriter &out, quint32 run) { json::writeRunUsage(out, context.data, run); });
}

DemoReply runMetrics(Context &context)
{
    return withRun(context, [&](JsonWriter &out, quint32 run) { json::writeRunMetrics(out, context.data, run); });
}

DemoReply runTrace(Context &context)
{
    const Lookup run = findPathEntity(context, IdKind::Run, 0, "run_id");
    if (run.failure)
        return *run.failure;
    // What a self-hosted server without ClickHouse answers.
    return DemoReply::detail(501, u"OTEL traces require ClickHouse. Set LETTA_CLICKHOUSE_ENDPOINT to enable them."_s);
}

DemoReply runMessages(Context &context)
{
    const Lookup run = findPathEntity(context, IdKind::Run, 0, "run_id");
    if (run.failure)
        return *run.failure;
    const ListSpec spec{CursorMode::Absolute, IdKind::Message, false, 100};
    const DemoContent content(context.data);
    const QStringList types = requestedMessageTypes(context);
    DemoReply reply = listReply(context, spec, SubsetKeys{context.data.runs[run.index].messages},
                                [](quint32) { return true; },
                                [&](JsonWriter &out, quint32 i) { writeMessageEntries(out, context, content, i, types); });
    reply.messageList = reply.status == 200;
    return reply;
}

DemoReply runSteps(Context &context)
{
    const Lookup run = findPathEntity(context, IdKind::Run, 0, "run_id");
    if (run.failure)
        return *run.failure;
    const ListSpec spec{CursorMode::Relative, IdKind::Step, true, 100};
    return listReply(context, spec, SubsetKeys{context.data.runs[run.index].steps}, [](quint32) { return true; },
                     [&](JsonWriter &out, quint32 i) { json::writeStep(out, context.data, i); });
}

constexpr std::array kRoutes{
    Route{"runs", &listRuns},
    Route{"runs/active", &activeRuns},
    Route{"runs/{}", &getRun},
    Route{"runs/{}/messages", &runMessages},
    Route{"runs/{}/steps", &runSteps},
    Route{"runs/{}/usage", &runUsage},
    Route{"runs/{}/metrics", &runMetrics},
    Route{"runs/{}/trace", &runTrace},
};

} // namespace

std::span<const Route> runRoutes()
{
    return kRoutes;
}

} // namespace lettascope::demo::routes
