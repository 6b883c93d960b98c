// SPDX-License-Identifier: MIT
#include "agentfile.h"

#include "common/jsonread.h"
#include "common/jsonparse.h"
#include "parsers.h"
#include "rolemessage.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
constexpr qint64 MaxFileBytes = qint64(1) << 30; // exports with full history stay far below this

QHash<QString, QJsonObject> poolById(const QJsonArray &pool)
{
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &item : pool) {
        const QJsonObject object = item.toObject();
        const QString id = json::str(object, u"id");
        if (!id.isEmpty())
            byId.insert(id, object);
    }
    return byId;
}

QJsonArray resolve(const QStringList &ids, const QHash<QString, QJsonObject> &pool)
{
    QJsonArray resolved;
    for (const QString &id : ids) {
        if (const auto it = pool.constFind(id); it != pool.constEnd())
            resolved.append(*it);
    }
    return resolved;
}

/// Messages of one agent. `syntheticIds` for legacy files, whose messages have no id.
QList<Message> messagesOf(const QJsonArray &items, const Agent &agent, bool syntheticIds)
{
    RoleMessageOptions options;
    options.assistantTextIsMonologue = assistantTextIsMonologue(agent.agentType);
    options.agentId = agent.id;
    QList<Message> messages;
    qint64 sequence = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        options.id = syntheticIds || json::str(item, u"id").isEmpty() ? u"message-%1"_s.arg(i) : QString();
        for (Message &m : messagesFromRoleMessage(item, options)) {
            m.sequence = sequence++;
            messages.append(std::move(m));
        }
    }
    return messages;
}

Result<AgentFileAgent> agentFrom(QJsonObject object, const QHash<QString, QJsonObject> &blocks,
                                 const QHash<QString, QJsonObject> &tools)
{
    const QJsonObject original = object;
    // The agent refers to the file's shared pools; inline them so parseAgent() sees one agent.
    object.insert(u"blocks"_s, resolve(json::strList(original, u"block_ids"), blocks));
    object.insert(u"tools"_s, resolve(json::strList(original, u"tool_ids"), tools));
    auto agent = parseAgent(object);
    if (!agent.ok())
        return agent.error();
    AgentFileAgent result;
    result.agent = std::move(agent).value();
    result.agent.raw = original;
    result.messages = messagesOf(json::array(original, u"messages"), result.agent, false);
    result.inContextMessageIds = json::strList(original, u"in_context_message_ids");
    return result;
}

Result<AgentFile> parseAgentsFormat(const QJsonObject &root)
{
    AgentFile file;
    file.format = AgentFile::Format::Agents;
    file.version = json::str(json::object(root, u"metadata"), u"revision_id");
    file.exportedMs = json::timeMs(root, u"created_at");
    file.groups = json::array(root, u"groups");
    const auto blocks = poolById(json::array(root, u"blocks"));
    const auto tools = poolById(json::array(root, u"tools"));
    const QJsonArray agents = json::array(root, u"agents");
    for (qsizetype i = 0; i < agents.size(); ++i) {
        auto agent = agentFrom(agents.at(i).toObject(), blocks, tools);
        if (!agent.ok())
            return Error{ErrorKind::BadPayload, u"agent %1 of the file: %2"_s.arg(i).arg(agent.error().message)};
        file.agents.append(std::move(agent).value());
    }
    return file;
}

Result<AgentFile> parseLegacyFormat(QJsonObject root)
{
    const QJsonObject original = root;
    // One flat agent without an id; memory and tools are inline.
    root.insert(u"id"_s, u"agent-0"_s);
    root.insert(u"blocks"_s, json::array(original, u"core_memory"));
    auto agent = parseAgent(root);
    if (!agent.ok())
        return agent.error();
    AgentFileAgent entry;
    entry.agent = std::move(agent).value();
    entry.agent.raw = original;
    const QJsonArray messages = json::array(original, u"messages");
    entry.messages = messagesOf(messages, entry.agent, true);
    // 0.6.47+ lists context positions; 0.6.43 flags each message instead.
    if (original.contains(u"in_context_message_indices")) {
        for (const QJsonValue &index : json::array(original, u"in_context_message_indices")) {
            const auto i = json::int64(index);
            if (i && *i >= 0 && *i < messages.size())
                entry.inContextMessageIds.append(u"message-%1"_s.arg(*i));
        }
    } else {
        for (qsizetype i = 0; i < messages.size(); ++i) {
            if (json::boolean(messages.at(i).toObject(), u"in_context").value_or(false))
                entry.inContextMessageIds.append(u"message-%1"_s.arg(i));
        }
    }
    AgentFile file;
    file.format = AgentFile::Format::Legacy;
    file.version = json::str(original, u"version");
    file.agents.append(std::move(entry));
    return file;
}

bool looksLikeLegacyAgent(const QJsonObject &root)
{
    for (QStringView key : {u"messages", u"agent_type", u"llm_config", u"core_memory", u"system"}) {
        if (root.contains(key))
            return true;
    }
    return false;
}
} // namespace

Result<AgentFile> parseAgentFile(const QByteArray &contents)
{
    auto parsed = parseJsonText(contents);
    // Some published files are a JSON string whose text is the file; the server decodes twice too.
    if (parsed.ok() && parsed.value().isString())
        parsed = parseJsonText(parsed.value().toString().toUtf8());
    if (!parsed.ok())
        return Error{ErrorKind::BadPayload, u"not an agent file: %1"_s.arg(parsed.error().message)};
    const QJsonObject root = parsed.value().toObject();
    if (root.value(u"agents").isArray())
        return parseAgentsFormat(root);
    if (looksLikeLegacyAgent(root))
        return parseLegacyFormat(root);
    return Error{ErrorKind::Unsupported, u"JSON, but not a Letta agent file (no \"agents\" list and no agent fields)"_s};
}

Result<AgentFile> readAgentFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorKind::Io, u"cannot open %1: %2"_s.arg(QFileInfo(path).fileName(), file.errorString())};
    if (file.size() > MaxFileBytes)
        return Error{ErrorKind::Io, u"%1 is %2 MB, larger than any agent file should be"_s.arg(QFileInfo(path).fileName()).arg(file.size() >> 20)};
    auto parsed = parseAgentFile(file.readAll());
    if (!parsed.ok()) {
        Error error = parsed.error();
        error.message = QFileInfo(path).fileName() + u": "_s + error.message;
        return error;
    }
    return parsed;
}

} // namespace lettascope::letta
