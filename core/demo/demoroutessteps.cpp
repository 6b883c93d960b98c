// SPDX-License-Identifier: MIT
#include "demoroutes.h"

#include "democatalog.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lettascope::demo::routes {

namespace {

struct StepFilter {
    bool agentGiven = false;
    std::optional<quint32> agent;
    QString model;
    Micros after = std::numeric_limits<Micros>::min();
    Micros before = std::numeric_limits<Micros>::max();
    QStringList traceIds;
    quint8 feedback = 0;
    std::optional<bool> hasFeedback;
    bool none = false;

    bool accepts(const DemoDataset &data, const StepRec &step) const
    {
        if (none || (agentGiven && (!agent || step.agent != *agent)))
            return false;
        if (!model.isEmpty() && model != QLatin1StringView(models()[step.model].name)
            && model != QLatin1StringView(models()[step.model].handle))
            return false;
        if (step.start <= after || step.start >= before)
            return false;
        if (feedback && step.feedback != feedback)
            return false;
        if (hasFeedback && (step.feedback != 0) != *hasFeedback)
            return false;
        if (!traceIds.isEmpty()) {
            if (!data.runs[step.run].traced)
                return false;
            const IdText trace = data.ids.hex(step.run, 32);
            return traceIds.contains(QString::fromLatin1(trace.data, trace.size));
        }
        return true;
    }
};

std::optional<DemoReply> parseDate(Context &context, const QString &key, Micros &target)
{
    if (!context.query.has(key))
        return std::nullopt;
    const QString text = context.query.value(key);
    const auto time = parseIsoMicros(text);
    if (!time)
        return DemoReply::detail(400, u"Invalid isoformat string: '%1'"_s.arg(text));
    target = *time;
    return std::nullopt;
}

DemoReply listSteps(Context &context)
{
    StepFilter filter;
    DemoQuery &query = context.query;
    filter.agentGiven = query.has(u"agent_id"_s);
    filter.agent = context.data.find(IdKind::Agent, query.value(u"agent_id"_s));
    filter.model = query.value(u"model"_s);
    if (auto failure = parseDate(context, u"start_date"_s, filter.after))
        return *failure;
    if (auto failure = parseDate(context, u"end_date"_s, filter.before))
        return *failure;
    filter.traceIds = query.values(u"trace_ids"_s);
    if (query.has(u"feedback"_s)) {
        const QString feedback = query.value(u"feedback"_s);
        filter.feedback = feedback == u"positive" ? 1 : feedback == u"negative" ? 2 : 0;
        if (!filter.feedback)
            query.fail(DemoReply::validation(u"('query', 'feedback')"_s, u"literal_error"_s,
                                             u"Input should be 'positive' or 'negative'"_s, feedback));
    }
    filter.hasFeedback = query.flag(u"has_feedback"_s);
    filter.none = query.has(u"project_id"_s);
    const ListSpec spec{CursorMode::Relative, IdKind::Step, true, 50};
    const DemoDataset &data = context.data;
    return listReply(context, spec, IndexKeys{data.steps.size()},
                     [&](quint32 i) { return filter.accepts(data, data.steps[i]); },
                     [&](JsonWriter &out, quint32 i) { json::writeStep(out, data, i); });
}

template<typename Write>
DemoReply withStep(Context &context, Write write)
{
    const Lookup step = findPathEntity(context, IdKind::Step, 0, "step_id");
    if (step.failure)
        return *step.failure;
    QByteArray body;
    JsonWriter out(body);
    write(out, step.index);
    return DemoReply::json(std::move(body));
}

DemoReply getStep(Context &context)
{
    return withStep(context, [&](JsonWriter &out, quint32 step) { json::writeStep(out, context.data, step); });
}

DemoReply stepMetrics(Context &context)
{
    return withStep(context, [&](JsonWriter &out, quint32 step) { json::writeStepMetrics(out, context.data, step); });
}

DemoReply stepTrace(Context &context)
{
    const DemoContent content(context.data);
    return withStep(context,
                    [&](JsonWriter &out, quint32 step) { json::writeProviderTrace(out, context.data, content, step); });
}

DemoReply stepMessages(Context &context)
{
    const Lookup step = findPathEntity(context, IdKind::Step, 0, "step_id");
    if (step.failure)
        return *step.failure;
    const DemoDataset &data = context.data;
    std::vector<quint32> messages;
    for (quint32 message : data.runs[data.steps[step.index].run].messages) {
        if (data.messages[message].step == step.index)
            messages.push_back(message);
    }
    const ListSpec spec{CursorMode::Relative, IdKind::Message, false, 100};
    const DemoContent content(data);
    DemoReply reply = listReply(context, spec, SubsetKeys{messages}, [](quint32) { return true; },
                                [&](JsonWriter &out, quint32 i) { json::writeLettaMessages(out, data, content, i); });
    reply.messageList = reply.status == 200;
    return reply;
}

DemoReply listMessages(Context &context)
{
    // Nothing in the demo belongs to a conversation: "default" (no conversation) matches everything.
    const QString conversation = context.query.value(u"conversation_id"_s);
    const bool none = !conversation.isEmpty() && conversation != u"default";
    const ListSpec spec{CursorMode::Absolute, IdKind::Message, true, 100};
    bool descending = true;
    auto result = pageOf(context, spec, IndexKeys{context.data.messages.size()}, [&](quint32) { return !none; },
                         &descending);
    if (auto *failure = std::get_if<DemoReply>(&result))
        return *failure;
    auto &page = std::get<std::vector<quint32>>(result);
    // Same reversal as the agent message list (letta-api.md §3): newest N, oldest first.
    if (descending)
        std::reverse(page.begin(), page.end());
    const QStringList types = requestedMessageTypes(context);
    const DemoContent content(context.data);
    QByteArray body;
    body.reserve(qsizetype(page.size()) * 900);
    JsonWriter out(body);
    out.beginArray();
    for (quint32 message : page)
        writeMessageEntries(out, context, content, message, types);
    out.endArray();
    DemoReply reply = DemoReply::json(std::move(body));
    reply.messageList = true;
    return reply;
}

DemoReply getMessage(Context &context)
{
    const Lookup message = findPathEntity(context, IdKind::Message, 0, "message_id");
    if (message.failure)
        return *message.failure;
    QByteArray body;
    JsonWriter out(body);
    out.beginArray();
    json::writeLettaMessages(out, context.data, DemoContent(context.data), message.index);
    out.endArray();
    DemoReply reply = DemoReply::json(std::move(body));
    reply.messageList = true;
    return reply;
}

constexpr std::array kRoutes{
    Route{"steps", &listSteps},
    Route{"steps/{}", &getStep},
    Route{"steps/{}/metrics", &stepMetrics},
    Route{"steps/{}/messages", &stepMessages},
    Route{"steps/{}/trace", &stepTrace},
    Route{"messages", &listMessages},
    Route{"messages/{}", &getMessage},
};

} // namespace

std::span<const Route> stepRoutes()
{
    return kRoutes;
}

} // namespace lettascope::demo::routes
