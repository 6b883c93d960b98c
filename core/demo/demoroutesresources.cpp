// SPDX-License-Identifier: MIT
#include "demoroutes.h"

#include "democatalog.h"

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace lettascope::demo::routes {

namespace {

template<typename Write>
DemoReply item(Context &context, IdKind kind, const char *param, Write write)
{
    const Lookup entity = findPathEntity(context, kind, 0, param);
    if (entity.failure)
        return *entity.failure;
    QByteArray body;
    JsonWriter out(body);
    write(out, entity.index);
    return DemoReply::json(std::move(body));
}

template<typename Accept>
DemoReply count(size_t total, Accept accept)
{
    qint64 matching = 0;
    for (quint32 i = 0; i < total; ++i)
        matching += accept(i) ? 1 : 0;
    return integerReply(matching);
}

bool containsText(const QString &haystack, const Context &context, const QString &key)
{
    const QString needle = context.query.value(key);
    return needle.isEmpty() || haystack.contains(needle, Qt::CaseInsensitive);
}

DemoReply health(Context &context)
{
    QByteArray body;
    JsonWriter(body).beginObject().stringField("version", context.data.config.serverVersion).stringField("status", "ok").endObject();
    return DemoReply::json(std::move(body));
}

// --- jobs -----------------------------------------------------------------------------------------

DemoReply listJobs(Context &context)
{
    const DemoDataset &data = context.data;
    const std::optional<quint32> source = data.find(IdKind::Source, context.query.value(u"source_id"_s));
    const bool sourceGiven = context.query.has(u"source_id"_s);
    const bool active = context.query.flag(u"active"_s).value_or(false);
    // jobs.py sorts by `ascending` unless it is left at its default (true), in which case by `order`.
    ListSpec spec{CursorMode::Absolute, IdKind::Job, true, 100};
    const bool descendingOrder = context.query.descending(true);
    spec.forceDescending = context.query.flag(u"ascending"_s).value_or(true) ? descendingOrder : true;
    return listReply(
        context, spec, IndexKeys{data.jobs.size()},
        [&](quint32 i) {
            const JobRec &job = data.jobs[i];
            if (sourceGiven && (!source || job.folder != *source))
                return false;
            return !active || job.state == JobState::Created || job.state == JobState::Running
                || job.state == JobState::Pending;
        },
        [&](JsonWriter &out, quint32 i) { json::writeJob(out, data, i); });
}

DemoReply getJob(Context &context)
{
    return item(context, IdKind::Job, "job_id", [&](JsonWriter &out, quint32 i) { json::writeJob(out, context.data, i); });
}

// --- tools ----------------------------------------------------------------------------------------

bool toolMatches(const Context &context, quint32 index)
{
    const ToolSpec &tool = tools()[context.data.tools[index].catalog];
    const DemoQuery &query = context.query;
    const QString name = QString::fromUtf8(tool.name);
    const QString type = QString::fromUtf8(tool.type);
    if (query.has(u"name"_s) && name != query.value(u"name"_s))
        return false;
    const QStringList names = query.values(u"names"_s);
    if (!names.isEmpty() && !names.contains(name))
        return false;
    const QStringList ids = query.values(u"tool_ids"_s);
    if (!ids.isEmpty() && !ids.contains(QString::fromLatin1(context.data.ids.make(IdKind::Tool, index))))
        return false;
    const QStringList types = query.values(u"tool_types"_s);
    if ((!types.isEmpty() && !types.contains(type)) || query.values(u"exclude_tool_types"_s).contains(type))
        return false;
    if (query.value(u"return_only_letta_tools"_s) == u"true" && !type.startsWith(u"letta_"))
        return false;
    return containsText(name, context, u"search"_s);
}

DemoReply listTools(Context &context)
{
    const ListSpec spec{CursorMode::Relative, IdKind::Tool, true, 50};
    return listReply(context, spec, IndexKeys{context.data.tools.size()},
                     [&](quint32 i) { return toolMatches(context, i); },
                     [&](JsonWriter &out, quint32 i) { json::writeTool(out, context.data, i); });
}

DemoReply countTools(Context &context)
{
    return count(context.data.tools.size(), [&](quint32 i) { return toolMatches(context, i); });
}

DemoReply getTool(Context &context)
{
    return item(context, IdKind::Tool, "tool_id", [&](JsonWriter &out, quint32 i) { json::writeTool(out, context.data, i); });
}

// --- blocks ---------------------------------------------------------------------------------------

bool blockMatches(const Context &context, quint32 index)
{
    const BlockRec &block = context.data.blocks[index];
    const DemoQuery &query = context.query;
    if (query.has(u"label"_s) && block.label != query.value(u"label"_s))
        return false;
    // No block is a template or belongs to a project.
    if (query.value(u"templates_only"_s) == u"true" || query.has(u"project_id"_s) || query.has(u"name"_s))
        return false;
    if (query.has(u"identity_id"_s)) {
        const auto identity = context.data.find(IdKind::Identity, query.value(u"identity_id"_s));
        const auto &blocks = identity ? context.data.identities[*identity].blocks : std::vector<quint32>();
        if (std::find(blocks.begin(), blocks.end(), index) == blocks.end())
            return false;
    }
    return containsText(block.label, context, u"label_search"_s) && containsText(block.value, context, u"value_search"_s)
        && containsText(block.description, context, u"description_search"_s);
}

DemoReply listBlocks(Context &context)
{
    const DemoDataset &data = context.data;
    const ListSpec spec{CursorMode::Relative, IdKind::Block, false, 50};
    return listReply(context, spec, rankBy(data.blocks.size(), [&](quint32 i) { return data.blocks[i].created; }),
                     [&](quint32 i) { return blockMatches(context, i); },
                     [&](JsonWriter &out, quint32 i) { json::writeBlock(out, data, i); });
}

DemoReply countBlocks(Context &context)
{
    return count(context.data.blocks.size(), [&](quint32 i) { return blockMatches(context, i); });
}

DemoReply getBlock(Context &context)
{
    return item(context, IdKind::Block, "block_id", [&](JsonWriter &out, quint32 i) { json::writeBlock(out, context.data, i); });
}

// --- MCP servers (no pagination) --------------------------------------------------------------------

DemoReply listMcpServers(Context &context)
{
    QByteArray body;
    JsonWriter out(body);
    out.beginArray();
    for (quint32 i = 0; i < mcpServers().size(); ++i)
        json::writeMcpServer(out, context.data, i);
    out.endArray();
    return DemoReply::json(std::move(body));
}

DemoReply getMcpServer(Context &context)
{
    return item(context, IdKind::McpServer, "mcp_server_id",
                [&](JsonWriter &out, quint32 i) { json::writeMcpServer(out, context.data, i); });
}

DemoReply mcpServerTools(Context &context)
{
    return item(context, IdKind::McpServer, "mcp_server_id", [&](JsonWriter &out, quint32 server) {
        out.beginArray();
        for (quint32 i = 0; i < context.data.tools.size(); ++i) {
            const char *owner = tools()[context.data.tools[i].catalog].mcpServer;
            if (owner && std::strcmp(owner, mcpServers()[server].name) == 0)
                json::writeTool(out, context.data, i);
        }
        out.endArray();
    });
}

// --- folders, archives, identities, groups, providers ----------------------------------------------

DemoReply listFolders(Context &context)
{
    const DemoDataset &data = context.data;
    const ListSpec spec{CursorMode::Relative, IdKind::Source, false, 50};
    const QString name = context.query.value(u"name"_s);
    return listReply(context, spec, rankBy(data.folders.size(), [&](quint32 i) { return data.folders[i].created; }),
                     [&](quint32 i) { return name.isEmpty() || data.folders[i].name == name; },
                     [&](JsonWriter &out, quint32 i) { json::writeFolder(out, data, i); });
}

DemoReply countFolders(Context &context)
{
    return integerReply(qint64(context.data.folders.size()));
}

DemoReply getFolder(Context &context)
{
    return item(context, IdKind::Source, "folder_id",
                [&](JsonWriter &out, quint32 i) { json::writeFolder(out, context.data, i); });
}

DemoReply listArchives(Context &context)
{
    const DemoDataset &data = context.data;
    const ListSpec spec{CursorMode::Relative, IdKind::Archive, true, 50};
    const QString name = context.query.value(u"name"_s);
    const bool agentGiven = context.query.has(u"agent_id"_s);
    const auto agent = data.find(IdKind::Agent, context.query.value(u"agent_id"_s));
    return listReply(
        context, spec, rankBy(data.archives.size(), [&](quint32 i) { return data.archives[i].created; }),
        [&](quint32 i) {
            const ArchiveRec &archive = data.archives[i];
            return (name.isEmpty() || archive.name == name) && (!agentGiven || (agent && archive.agent == int(*agent)));
        },
        [&](JsonWriter &out, quint32 i) { json::writeArchive(out, data, i); });
}

DemoReply getArchive(Context &context)
{
    return item(context, IdKind::Archive, "archive_id",
                [&](JsonWriter &out, quint32 i) { json::writeArchive(out, context.data, i); });
}

bool identityMatches(const Context &context, quint32 index)
{
    const IdentityRec &identity = context.data.identities[index];
    const DemoQuery &query = context.query;
    if (query.has(u"name"_s) && identity.name != query.value(u"name"_s))
        return false;
    if (query.has(u"identifier_key"_s) && identity.identifierKey != query.value(u"identifier_key"_s))
        return false;
    if (query.has(u"identity_type"_s) && QLatin1StringView(identity.type) != query.value(u"identity_type"_s))
        return false;
    return !query.has(u"project_id"_s);
}

DemoReply listIdentities(Context &context)
{
    const ListSpec spec{CursorMode::Relative, IdKind::Identity, true, 50};
    return listReply(context, spec, IndexKeys{context.data.identities.size()},
                     [&](quint32 i) { return identityMatches(context, i); },
                     [&](JsonWriter &out, quint32 i) { json::writeIdentity(out, context.data, i); });
}

DemoReply countIdentities(Context &context)
{
    return count(context.data.identities.size(), [&](quint32 i) { return identityMatches(context, i); });
}

DemoReply getIdentity(Context &context)
{
    return item(context, IdKind::Identity, "identity_id",
                [&](JsonWriter &out, quint32 i) { json::writeIdentity(out, context.data, i); });
}

DemoReply listGroups(Context &context)
{
    const DemoDataset &data = context.data;
    const QString type = context.query.value(u"manager_type"_s);
    const bool project = context.query.has(u"project_id"_s);
    const ListSpec spec{CursorMode::Relative, IdKind::Group, false, 50};
    return listReply(context, spec, IndexKeys{data.groups.size()},
                     [&](quint32 i) { return !project && (type.isEmpty() || QLatin1StringView(data.groups[i].managerType) == type); },
                     [&](JsonWriter &out, quint32 i) { json::writeGroup(out, data, i); });
}

DemoReply countGroups(Context &context)
{
    return integerReply(qint64(context.data.groups.size()));
}

DemoReply getGroup(Context &context)
{
    return item(context, IdKind::Group, "group_id", [&](JsonWriter &out, quint32 i) { json::writeGroup(out, context.data, i); });
}

DemoReply listProviders(Context &context)
{
    const QString name = context.query.value(u"name"_s);
    const QString type = context.query.value(u"provider_type"_s);
    const ListSpec spec{CursorMode::Relative, IdKind::Provider, true, 50};
    return listReply(
        context, spec, IndexKeys{providers().size()},
        [&](quint32 i) {
            return (name.isEmpty() || QLatin1StringView(providers()[i].name) == name)
                && (type.isEmpty() || QLatin1StringView(providers()[i].type) == type);
        },
        [&](JsonWriter &out, quint32 i) { json::writeProvider(out, context.data, i); });
}

DemoReply getProvider(Context &context)
{
    return item(context, IdKind::Provider, "provider_id",
                [&](JsonWriter &out, quint32 i) { json::writeProvider(out, context.data, i); });
}

// --- models and sandbox configs --------------------------------------------------------------------

DemoReply listModels(Context &context)
{
    const QStringList categories = context.query.values(u"provider_category"_s);
    const QString name = context.query.value(u"provider_name"_s);
    const QString type = context.query.value(u"provider_type"_s);
    QByteArray body;
    JsonWriter out(body);
    out.beginArray();
    for (int i = 0; i < int(models().size()); ++i) {
        const ModelSpec &model = models()[size_t(i)];
        if ((!categories.isEmpty() && !categories.contains(u"base"_s))
            || (!name.isEmpty() && QLatin1StringView(model.providerName) != name)
            || (!type.isEmpty() && QLatin1StringView(model.providerType) != type))
            continue;
        json::writeModel(out, i);
    }
    out.endArray();
    return DemoReply::json(std::move(body));
}

DemoReply listEmbeddingModels(Context &)
{
    QByteArray body;
    JsonWriter out(body);
    out.beginArray();
    for (int i = 0; i < int(embeddingModels().size()); ++i)
        json::writeEmbeddingModel(out, i);
    out.endArray();
    return DemoReply::json(std::move(body));
}

DemoReply listSandboxConfigs(Context &context)
{
    static constexpr std::array<const char *, kSandboxConfigCount> types{"local", "e2b", "modal"};
    const QString type = context.query.value(u"sandbox_type"_s);
    // This router only knows `after` and `limit` (default 1000), oldest first.
    const ListSpec spec{CursorMode::Relative, IdKind::Sandbox, false, 1000};
    return listReply(context, spec, IndexKeys{size_t(kSandboxConfigCount)},
                     [&](quint32 i) { return type.isEmpty() || QLatin1StringView(types[i]) == type; },
                     [&](JsonWriter &out, quint32 i) { json::writeSandboxConfig(out, context.data, i); });
}

constexpr std::array kRoutes{
    Route{"health", &health},
    Route{"jobs", &listJobs},
    Route{"jobs/{}", &getJob},
    Route{"tools", &listTools},
    Route{"tools/count", &countTools},
    Route{"tools/{}", &getTool},
    Route{"blocks", &listBlocks},
    Route{"blocks/count", &countBlocks},
    Route{"blocks/{}", &getBlock},
    Route{"mcp-servers", &listMcpServers},
    Route{"mcp-servers/{}", &getMcpServer},
    Route{"mcp-servers/{}/tools", &mcpServerTools},
    Route{"folders", &listFolders},
    Route{"folders/count", &countFolders},
    Route{"folders/{}", &getFolder},
    Route{"archives", &listArchives},
    Route{"archives/{}", &getArchive},
    Route{"identities", &listIdentities},
    Route{"identities/count", &countIdentities},
    Route{"identities/{}", &getIdentity},
    Route{"models", &listModels},
    Route{"models/embedding", &listEmbeddingModels},
    Route{"providers", &listProviders},
    Route{"providers/{}", &getProvider},
    Route{"groups", &listGroups},
    Route{"groups/count", &countGroups},
    Route{"groups/{}", &getGroup},
    Route{"sandbox-config", &listSandboxConfigs},
};

} // namespace

std::span<const Route> resourceRoutes()
{
    return kRoutes;
}

} // namespace lettascope::demo::routes
