// SPDX-License-Identifier: MIT
#include "demojson.h"

#include "democatalog.h"

#include <array>
#include <cstring>

namespace lettascope::demo::json {

void writeFolder(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const FolderRec &folder = data.folders[index];
    out.beginObject();
    out.stringField("name", folder.name).stringField("description", folder.description);
    out.stringField("instructions", folder.instructions);
    out.key("metadata").beginObject().numberField("file_count", 3 + index * 4).endObject();
    idField(out, "id", data, IdKind::Source, index);
    out.key("embedding_config");
    writeEmbeddingConfig(out, folder.embedding);
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    timeField(out, "created_at", folder.created);
    timeField(out, "updated_at", folder.updated);
    out.endObject();
}

void writeArchive(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const ArchiveRec &archive = data.archives[index];
    out.beginObject();
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    timeField(out, "created_at", archive.created);
    timeField(out, "updated_at", archive.updated);
    out.stringField("name", archive.name).stringField("description", archive.description);
    out.stringField("vector_db_provider", "native").key("embedding_config");
    writeEmbeddingConfig(out, archive.embedding);
    out.emptyObjectField("metadata");
    idField(out, "id", data, IdKind::Archive, index);
    // The spec requires organization_id without declaring it; the server sends it.
    out.stringField("organization_id", kDefaultOrg);
    out.endObject();
}

void writeMcpServer(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const McpServerSpec &server = mcpServers()[index];
    out.beginObject().stringField("mcp_server_type", server.type);
    if (std::strcmp(server.type, "stdio") == 0) {
        out.stringField("command", server.target);
        out.key("args").beginArray().string("-y").string("@modelcontextprotocol/server-github").endArray();
        out.key("env").beginObject().stringField("GITHUB_PERSONAL_ACCESS_TOKEN", "<redacted>").endObject();
    } else {
        out.stringField("server_url", server.target);
        const bool token = std::strcmp(server.type, "streamable_http") == 0;
        if (token)
            out.stringField("auth_header", "Authorization").stringField("auth_token", "Bearer <redacted>");
        else
            out.nullField("auth_header").nullField("auth_token");
        if (token)
            out.key("custom_headers").beginObject().stringField("Notion-Version", "2022-06-28").endObject();
        else
            out.nullField("custom_headers");
    }
    idField(out, "id", data, IdKind::McpServer, index);
    out.stringField("server_name", server.name).endObject();
}

void writeModel(JsonWriter &out, int index)
{
    const ModelSpec &model = models()[index];
    out.beginObject().stringField("handle", model.handle).stringField("name", model.name);
    out.stringField("display_name", model.displayName).stringField("provider_type", model.providerType);
    out.stringField("provider_name", model.providerName).stringField("model_type", "llm");
    out.stringField("model", model.name).stringField("model_endpoint_type", model.endpointType);
    out.stringField("model_endpoint", model.endpoint).stringField("provider_category", "base");
    out.nullField("model_wrapper").numberField("context_window", model.contextWindow);
    out.boolField("put_inner_thoughts_in_kwargs", !model.reasoner).realField("temperature", 0.7);
    out.numberField("max_tokens", model.maxTokens).boolField("enable_reasoner", model.reasoner);
    out.nullField("reasoning_effort").numberField("max_reasoning_tokens", 0).nullField("effort");
    out.nullField("frequency_penalty").nullField("compatibility_type").nullField("verbosity").nullField("tier");
    out.boolField("parallel_tool_calls", false).nullField("response_format").boolField("strict", false);
    out.boolField("return_logprobs", false).nullField("top_logprobs").boolField("return_token_ids", false);
    out.nullField("tool_call_parser").numberField("max_context_window", model.contextWindow);
    out.endObject();
}

void writeEmbeddingModel(JsonWriter &out, int index)
{
    const EmbeddingSpec &embedding = embeddingModels()[index];
    out.beginObject().stringField("handle", embedding.handle).stringField("name", embedding.name);
    out.stringField("display_name", embedding.displayName).stringField("provider_type", embedding.providerType);
    out.stringField("provider_name", embedding.providerName).stringField("model_type", "embedding");
    out.stringField("embedding_endpoint_type", embedding.endpointType);
    out.stringField("embedding_endpoint", embedding.endpoint).stringField("embedding_model", embedding.name);
    out.numberField("embedding_dim", embedding.dimensions).numberField("embedding_chunk_size", 300);
    out.numberField("batch_size", 32).nullField("azure_endpoint").nullField("azure_version");
    out.nullField("azure_deployment").endObject();
}

void writeProvider(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const ProviderSpec &provider = providers()[index];
    const bool byok = std::strcmp(provider.category, "byok") == 0;
    out.beginObject();
    idField(out, "id", data, IdKind::Provider, index);
    out.stringField("name", provider.name).stringField("provider_type", provider.type);
    out.stringField("provider_category", provider.category);
    if (byok)
        out.stringField("api_key", "sk-...redacted");
    else
        out.nullField("api_key");
    out.stringField("base_url", provider.baseUrl).nullField("access_key").nullField("region").nullField("api_version");
    timeField(out, "updated_at", data.anchor - qint64(index + 2) * kMicrosPerDay + 123456);
    timeField(out, "last_synced", data.anchor - 3600 * kMicrosPerSecond + qint64(index) * 60 * kMicrosPerSecond);
    out.nullField("api_key_enc").nullField("access_key_enc");
    out.endObject();
}

void writeSandboxConfig(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    static constexpr std::array<const char *, 3> types{"local", "e2b", "modal"};
    out.beginObject();
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    const Micros created = data.anchor - qint64(70 - index) * kMicrosPerDay + 654321;
    timeField(out, "created_at", created);
    timeField(out, "updated_at", created + 3 * kMicrosPerDay);
    idField(out, "id", data, IdKind::Sandbox, index);
    out.stringField("type", types[index]).stringField("organization_id", kDefaultOrg).key("config").beginObject();
    switch (index) {
    case 0:
        out.stringField("sandbox_dir", "/home/letta/.letta/tool_sandbox").boolField("use_venv", true);
        out.stringField("venv_name", "venv").key("pip_requirements").beginArray();
        out.beginObject().stringField("name", "requests").nullField("version").endObject().endArray();
        break;
    case 1:
        out.nullField("template").numberField("timeout", 300).emptyArrayField("pip_requirements");
        break;
    default:
        out.numberField("timeout", 60).emptyArrayField("pip_requirements").emptyArrayField("npm_requirements");
        break;
    }
    out.endObject().endObject();
}

} // namespace lettascope::demo::json
