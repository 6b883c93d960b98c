// SPDX-License-Identifier: MIT
#include "entityfactory.h"

using namespace Qt::StringLiterals;
using namespace lettascope;

namespace testsupport {

Agent makeAgent(const QString &id, const QString &name, const QString &model)
{
    Agent agent;
    agent.id = id;
    agent.name = name;
    agent.model = model;
    agent.agentType = u"letta_v1_agent"_s;
    agent.system = u"You are "_s + name;
    agent.raw = {{u"id"_s, id}, {u"name"_s, name}, {u"model"_s, model}, {u"system"_s, agent.system}};
    return agent;
}

Run makeRun(const QString &id, const QString &agentId, RunStatus status, qint64 createdMs, const QString &stopReason)
{
    Run run;
    run.id = id;
    run.agentId = agentId;
    run.status = status;
    run.statusText = runStatusToString(status);
    run.stopReason = stopReason;
    run.createdMs = createdMs;
    if (isTerminal(status))
        run.completedMs = createdMs + 1500;
    run.raw = {{u"id"_s, id}, {u"agent_id"_s, agentId}, {u"status"_s, run.statusText}, {u"stop_reason"_s, stopReason},
               {u"created_ms"_s, double(createdMs)}};
    return run;
}

Step makeStep(const QString &id, const QString &runId, std::optional<qint64> promptTokens,
              std::optional<qint64> completionTokens)
{
    Step step;
    step.id = id;
    step.runId = runId;
    step.model = u"gpt-4o-mini"_s;
    step.status = u"success"_s;
    step.promptTokens = promptTokens;
    step.completionTokens = completionTokens;
    step.raw = {{u"id"_s, id}, {u"run_id"_s, runId}};
    if (promptTokens)
        step.raw.insert(u"prompt_tokens"_s, double(*promptTokens));
    if (completionTokens)
        step.raw.insert(u"completion_tokens"_s, double(*completionTokens));
    return step;
}

Message makeText(const QString &id, const QString &type, const QString &runId, const QString &text, qint64 dateMs,
                 const QString &otid)
{
    Message message;
    message.id = id;
    message.messageType = type;
    message.kind = messageKindFromType(type);
    message.otid = otid;
    message.runId = runId;
    message.text = text;
    message.dateMs = dateMs;
    message.raw = {{u"id"_s, id}, {u"message_type"_s, type}, {u"otid"_s, otid}, {u"content"_s, text}};
    return message;
}

Message makeToolCall(const QString &id, const QString &runId, const QString &tool, const QString &args, qint64 dateMs,
                     const QString &otid)
{
    Message message = makeText(id, u"tool_call_message"_s, runId, QString(), dateMs, otid);
    message.toolCalls = {{u"call-"_s + id, tool, args}};
    message.raw.insert(u"tool_call"_s, QJsonObject{{u"name"_s, tool}, {u"arguments"_s, args}});
    return message;
}

Message makeToolReturn(const QString &id, const QString &runId, const QString &status, const QString &text,
                       qint64 dateMs)
{
    Message message = makeText(id, u"tool_return_message"_s, runId, QString(), dateMs);
    message.toolReturns = {{u"call-x"_s, status, text, {}, {}}};
    message.raw.insert(u"tool_return"_s, text);
    message.raw.insert(u"status"_s, status);
    return message;
}

} // namespace testsupport
