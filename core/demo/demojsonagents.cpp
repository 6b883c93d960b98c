// SPDX-License-Identifier: MIT
#include "demojson.h"

#include "demoarchetypes.h"
#include "democatalog.h"

#include <cstring>

namespace lettascope::demo::json {

namespace {

void writeTagsArray(JsonWriter &out, const QStringList &tags)
{
    out.beginArray();
    for (const QString &tag : tags)
        out.string(tag);
    out.endArray();
}

void writeToolRules(JsonWriter &out, const AgentRec &agent)
{
    out.key("tool_rules").beginArray();
    const char *terminal = usesSendMessage(agent.agentType) ? "send_message"
        : std::strcmp(agent.agentType, "sleeptime_agent") == 0 ? "memory_finish_edits"
                                                                : nullptr;
    if (terminal) {
        out.beginObject().stringField("tool_name", terminal).stringField("type", "exit_loop");
        out.nullField("prompt_template").endObject();
    }
    out.endArray();
}

void writeMessageIds(JsonWriter &out, const DemoDataset &data, const AgentRec &agent)
{
    // In-context messages: the system prompt plus the most recent few.
    out.key("message_ids").beginArray();
    const size_t count = agent.messages.size();
    for (size_t i = 0; i < count; ++i) {
        if (i == 0 || i + 6 >= count)
            out.string(QByteArrayView(data.ids.make(IdKind::Message, agent.messages[i])));
    }
    out.endArray();
}

} // namespace

AgentInclude AgentInclude::all()
{
    return {true, true, true, true, true, true, true, true};
}

void idField(JsonWriter &out, std::string_view name, const DemoDataset &data, IdKind kind, quint32 index)
{
    out.plainField(name, data.ids.format(kind, index).view());
}

void timeField(JsonWriter &out, std::string_view name, Micros time)
{
    if (time == 0)
        out.nullField(name);
    else
        out.plainField(name, isoZulu(time).view());
}

void naiveTimeField(JsonWriter &out, std::string_view name, Micros time)
{
    if (time == 0)
        out.nullField(name);
    else
        out.plainField(name, isoNaive(time).view());
}

void writeLlmConfig(JsonWriter &out, int index)
{
    const ModelSpec &model = models()[index];
    const bool openai = std::strcmp(model.providerType, "openai") == 0;
    out.beginObject();
    out.stringField("model", model.name).stringField("display_name", model.displayName);
    out.stringField("model_endpoint_type", model.endpointType).stringField("model_endpoint", model.endpoint);
    out.stringField("provider_name", model.providerName).stringField("provider_category", "base");
    out.nullField("model_wrapper").numberField("context_window", model.contextWindow);
    out.boolField("put_inner_thoughts_in_kwargs", !model.reasoner).stringField("handle", model.handle);
    out.realField("temperature", 0.7).numberField("max_tokens", model.maxTokens);
    out.boolField("enable_reasoner", model.reasoner);
    if (model.reasoner && openai)
        out.stringField("reasoning_effort", "medium");
    else
        out.nullField("reasoning_effort");
    out.numberField("max_reasoning_tokens", model.reasoner && !openai ? 1024 : 0);
    out.nullField("effort").nullField("frequency_penalty").nullField("compatibility_type").nullField("verbosity");
    out.nullField("tier").boolField("parallel_tool_calls", false).nullField("response_format");
    out.boolField("strict", false).boolField("return_logprobs", false).nullField("top_logprobs");
    out.boolField("return_token_ids", false).nullField("tool_call_parser");
    out.endObject();
}

void writeEmbeddingConfig(JsonWriter &out, int index)
{
    const EmbeddingSpec &embedding = embeddingModels()[index];
    out.beginObject();
    out.stringField("embedding_endpoint_type", embedding.endpointType);
    out.stringField("embedding_endpoint", embedding.endpoint).stringField("embedding_model", embedding.name);
    out.numberField("embedding_dim", embedding.dimensions).numberField("embedding_chunk_size", 300);
    out.stringField("handle", embedding.handle).numberField("batch_size", 32);
    out.nullField("azure_endpoint").nullField("azure_version").nullField("azure_deployment");
    out.endObject();
}

void writeBlock(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const BlockRec &block = data.blocks[index];
    out.beginObject();
    out.stringField("value", block.value).numberField("limit", block.limit);
    out.nullField("project_id").nullField("template_name").boolField("is_template", false);
    out.nullField("template_id").nullField("base_template_id").nullField("deployment_id").nullField("entity_id");
    out.boolField("preserve_on_migration", false).stringField("label", block.label);
    out.boolField("read_only", block.readOnly).stringField("description", block.description);
    out.emptyObjectField("metadata").nullField("hidden");
    idField(out, "id", data, IdKind::Block, index);
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    out.emptyArrayField("tags");
    out.endObject();
}

void writeTool(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const ToolSpec &tool = tools()[data.tools[index].catalog];
    const bool custom = std::strcmp(tool.type, "custom") == 0;
    out.beginObject();
    idField(out, "id", data, IdKind::Tool, index);
    out.stringField("tool_type", tool.type).stringField("description", tool.description);
    if (custom)
        out.stringField("source_type", "python");
    else
        out.nullField("source_type");
    out.stringField("name", tool.name);
    out.key("tags").beginArray();
    if (!custom)
        out.string(tool.type);
    out.endArray();
    if (custom)
        out.stringField("source_code", QByteArrayView(DemoContent::toolSource(data.tools[index].catalog)));
    else
        out.nullField("source_code");
    out.key("json_schema").beginObject().stringField("name", tool.name).stringField("description", tool.description);
    out.key("parameters").beginObject().stringField("type", "object");
    out.key("properties").raw(tool.properties).key("required").raw(tool.required).endObject().endObject();
    out.nullField("args_json_schema").numberField("return_char_limit", custom ? 50000 : 6000);
    if (custom)
        out.key("pip_requirements").raw(R"([{"name":"requests","version":null}])");
    else
        out.nullField("pip_requirements");
    out.nullField("npm_requirements");
    if (tool.requiresApproval)
        out.boolField("default_requires_approval", true);
    else
        out.nullField("default_requires_approval");
    out.boolField("enable_parallel_execution", !tool.requiresApproval && !custom);
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    out.key("metadata_").beginObject();
    if (tool.mcpServer) {
        out.key("mcp").beginObject().stringField("server_name", tool.mcpServer);
        const auto servers = mcpServers();
        for (size_t i = 0; i < servers.size(); ++i) {
            if (std::strcmp(servers[i].name, tool.mcpServer) == 0)
                idField(out, "server_id", data, IdKind::McpServer, quint32(i));
        }
        out.endObject();
    }
    out.endObject();
    out.nullField("project_id");
    out.endObject();
}

void writeIdentity(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const IdentityRec &identity = data.identities[index];
    out.beginObject();
    idField(out, "id", data, IdKind::Identity, index);
    out.stringField("identifier_key", identity.identifierKey).stringField("name", identity.name);
    out.stringField("identity_type", identity.type).nullField("project_id");
    out.key("agent_ids").beginArray();
    for (quint16 agent : identity.agents)
        out.string(QByteArrayView(data.ids.make(IdKind::Agent, agent)));
    out.endArray().key("block_ids").beginArray();
    for (quint32 block : identity.blocks)
        out.string(QByteArrayView(data.ids.make(IdKind::Block, block)));
    out.endArray().key("properties").beginArray();
    out.beginObject().stringField("key", "plan").stringField("value", identity.plan).stringField("type", "string").endObject();
    out.beginObject().stringField("key", "seats").numberField("value", qint64(identity.agents.size()) * 5 + 1);
    out.stringField("type", "number").endObject();
    out.beginObject().stringField("key", "beta_features").boolField("value", index % 2 == 0);
    out.stringField("type", "boolean").endObject();
    out.endArray().endObject();
}

void writeGroup(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const GroupRec &group = data.groups[index];
    out.beginObject();
    idField(out, "id", data, IdKind::Group, index);
    out.stringField("manager_type", group.managerType).key("agent_ids").beginArray();
    for (quint16 agent : group.agents)
        out.string(QByteArrayView(data.ids.make(IdKind::Agent, agent)));
    out.endArray().stringField("description", group.description);
    out.nullField("project_id").nullField("template_id").nullField("base_template_id").nullField("deployment_id");
    out.emptyArrayField("shared_block_ids");
    if (group.managerAgent >= 0)
        idField(out, "manager_agent_id", data, IdKind::Agent, quint32(group.managerAgent));
    else
        out.nullField("manager_agent_id");
    out.nullField("termination_token");
    if (std::strcmp(group.managerType, "round_robin") == 0)
        out.numberField("max_turns", 4);
    else
        out.nullField("max_turns");
    if (group.frequency > 0)
        out.numberField("sleeptime_agent_frequency", group.frequency).numberField("turns_counter", 2);
    else
        out.nullField("sleeptime_agent_frequency").nullField("turns_counter");
    out.nullField("last_processed_message_id").nullField("max_message_buffer_length");
    out.nullField("min_message_buffer_length").nullField("hidden");
    out.endObject();
}

void writeAgent(JsonWriter &out, const DemoDataset &data, quint32 index, const AgentInclude &include)
{
    const AgentRec &agent = data.agents[index];
    out.beginObject();
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    timeField(out, "created_at", agent.created);
    timeField(out, "updated_at", agent.updated);
    idField(out, "id", data, IdKind::Agent, index);
    out.stringField("name", agent.name);
    writeToolRules(out, agent);
    writeMessageIds(out, data, agent);
    out.stringField("system", agent.system).stringField("agent_type", agent.agentType);
    out.key("llm_config");
    writeLlmConfig(out, agent.model);
    out.key("embedding_config");
    writeEmbeddingConfig(out, agent.embedding);
    out.stringField("model", models()[agent.model].handle);
    out.stringField("embedding", embeddingModels()[agent.embedding].handle);
    out.nullField("model_settings").nullField("compaction_settings").nullField("response_format");
    out.stringField("description", agent.description);
    out.key("metadata").beginObject().stringField("archetype", archetypes()[agent.archetype].name).endObject();
    out.key("memory").beginObject().stringField("agent_type", agent.agentType).boolField("git_enabled", false);
    out.key("blocks").beginArray();
    if (include.blocks) {
        for (quint32 block : agent.blocks)
            writeBlock(out, data, block);
    }
    out.endArray().emptyArrayField("file_blocks").stringField("prompt_template", "").endObject();
    out.key("blocks").beginArray();
    if (include.blocks) {
        for (quint32 block : agent.blocks)
            writeBlock(out, data, block);
    }
    out.endArray().key("tools").beginArray();
    if (include.tools) {
        for (quint16 tool : agent.tools)
            writeTool(out, data, tool);
    }
    out.endArray().key("sources").beginArray();
    if (include.sources) {
        for (quint32 folder = 0; folder < data.folders.size(); ++folder) {
            const auto &agents = data.folders[folder].agents;
            if (std::find(agents.begin(), agents.end(), quint16(index)) != agents.end())
                writeFolder(out, data, folder);
        }
    }
    out.endArray().key("tags");
    writeTagsArray(out, include.tags ? agent.tags : QStringList());
    out.emptyArrayField("tool_exec_environment_variables").emptyArrayField("secrets");
    out.nullField("project_id").nullField("template_id").nullField("base_template_id");
    out.nullField("deployment_id").nullField("entity_id");
    out.key("identity_ids").beginArray();
    if (include.identities) {
        for (quint16 identity : agent.identities)
            out.string(QByteArrayView(data.ids.make(IdKind::Identity, identity)));
    }
    out.endArray().key("identities").beginArray();
    if (include.identities) {
        for (quint16 identity : agent.identities)
            writeIdentity(out, data, identity);
    }
    out.endArray();
    if (include.pendingApproval && agent.pendingApproval != kNone) {
        // The approval_request_message entry of the stored message (its last expansion).
        const DemoContent content(data);
        const MessageRec &request = data.messages[agent.pendingApproval];
        out.key("pending_approval");
        writeLettaMessage(out, data, content, agent.pendingApproval, lettaMessageCount(request) - 1);
    } else {
        out.nullField("pending_approval");
    }
    out.boolField("message_buffer_autoclear", false);
    const bool sleeptimeManager = agent.group >= 0 && data.groups[agent.group].managerAgent == int(index)
        && std::strcmp(data.groups[agent.group].managerType, "sleeptime") == 0;
    out.boolField("enable_sleeptime", sleeptimeManager).nullField("multi_agent_group");
    if (include.managedGroup && agent.group >= 0) {
        out.key("managed_group");
        writeGroup(out, data, quint32(agent.group));
    } else {
        out.nullField("managed_group");
    }
    timeField(out, "last_run_completion", agent.lastRunCompletion);
    out.optionalNumberField("last_run_duration_ms",
                            agent.lastRunDurationMs >= 0 ? std::optional<qint64>(agent.lastRunDurationMs) : std::nullopt);
    if (agent.lastStopReason != StopReason::None)
        out.stringField("last_stop_reason", stopReasonName(agent.lastStopReason));
    else
        out.nullField("last_stop_reason");
    out.stringField("timezone", index % 3 == 0 ? "Europe/Berlin" : "UTC");
    out.numberField("max_files_open", 5).numberField("per_file_view_window_char_limit", 15000).nullField("hidden");
    out.endObject();
}

} // namespace lettascope::demo::json
