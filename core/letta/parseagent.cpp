// SPDX-License-Identifier: MIT
#include "common/jsonread.h"
#include "parsers.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
ToolRef toolRefFrom(const QJsonObject &tool)
{
    ToolRef ref;
    ref.id = json::str(tool, u"id");
    ref.name = json::firstStr(tool, {u"name"});
    if (ref.name.isEmpty())
        ref.name = json::str(json::object(tool, u"json_schema"), u"name");
    ref.toolType = json::str(tool, u"tool_type");
    ref.description = json::str(tool, u"description");
    return ref;
}

QStringList identityIdsOf(const QJsonObject &agent)
{
    QStringList ids;
    for (const QJsonValue &identity : json::array(agent, u"identities")) {
        const QString id = identity.isObject() ? json::str(identity.toObject(), u"id") : json::str(identity);
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids.isEmpty() ? json::strList(agent, u"identity_ids") : ids;
}
} // namespace

Result<MemoryBlock> parseMemoryBlock(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"block", value);
    const QJsonObject o = value.toObject();
    MemoryBlock block;
    block.id = json::str(o, u"id");
    block.label = json::firstStr(o, {u"label", u"template_name", u"name"});
    block.value = json::str(o, u"value");
    block.description = json::str(o, u"description");
    block.limit = json::int64(o, u"limit");
    return block;
}

Result<Agent> parseAgent(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"agent", value);
    const QJsonObject o = value.toObject();
    Agent agent;
    agent.id = json::str(o, u"id");
    if (agent.id.isEmpty())
        return Error{ErrorKind::BadPayload, u"agent without an id"_s};
    agent.name = json::str(o, u"name");
    agent.description = json::str(o, u"description");
    agent.agentType = json::str(o, u"agent_type");
    agent.system = json::str(o, u"system");
    agent.llmConfig = json::object(o, u"llm_config");
    agent.embeddingConfig = json::object(o, u"embedding_config");
    // `model`/`embedding` are the 1.x handles; older servers only fill the (deprecated) configs.
    agent.model = json::str(o, u"model");
    if (agent.model.isEmpty())
        agent.model = json::firstStr(agent.llmConfig, {u"handle", u"model"});
    agent.embeddingModel = json::str(o, u"embedding");
    if (agent.embeddingModel.isEmpty())
        agent.embeddingModel = json::firstStr(agent.embeddingConfig, {u"handle", u"embedding_model"});
    agent.tags = json::strList(o, u"tags");

    QJsonArray blocks = json::array(o, u"blocks");
    if (blocks.isEmpty())
        blocks = json::array(json::object(o, u"memory"), u"blocks");
    for (const QJsonValue &item : std::as_const(blocks)) {
        if (auto block = parseMemoryBlock(item))
            agent.blocks.append(std::move(block).value());
    }
    for (const QJsonValue &item : json::array(o, u"tools")) {
        if (item.isObject())
            agent.tools.append(toolRefFrom(item.toObject()));
    }
    agent.identityIds = identityIdsOf(o);
    agent.createdMs = json::timeMs(o, u"created_at");
    agent.updatedMs = json::timeMs(o, u"updated_at");
    agent.lastRunCompletionMs = json::timeMs(o, u"last_run_completion");
    agent.lastRunDurationMs = json::int64(o, u"last_run_duration_ms");
    agent.lastStopReason = json::str(o, u"last_stop_reason");
    agent.raw = o;
    return agent;
}

} // namespace lettascope::letta
