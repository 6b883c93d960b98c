// SPDX-License-Identifier: MIT
#include "common/jsonread.h"
#include "parsers.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
QString joined(std::initializer_list<QString> parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(u" · ");
}

QString firstLine(const QString &text)
{
    const QString line = text.section(u'\n', 0, 0).trimmed();
    return line.size() > 120 ? line.left(119) + u'…' : line;
}

void describe(ResourceKind kind, const QJsonObject &o, Resource &r)
{
    switch (kind) {
    case ResourceKind::Tool:
        r.name = json::firstStr(o, {u"name"});
        r.summary = joined({json::str(o, u"tool_type"), firstLine(json::str(o, u"description"))});
        break;
    case ResourceKind::Block: {
        r.name = json::firstStr(o, {u"label", u"template_name", u"name"});
        const auto limit = json::int64(o, u"limit");
        const QString size = limit ? u"%1/%2 chars"_s.arg(json::str(o, u"value").size()).arg(*limit)
                                   : u"%1 chars"_s.arg(json::str(o, u"value").size());
        r.summary = joined({size, firstLine(json::str(o, u"description"))});
        break;
    }
    case ResourceKind::McpServer: {
        r.name = json::firstStr(o, {u"server_name", u"name"});
        QString target = json::str(o, u"server_url");
        if (target.isEmpty())
            target = (QStringList{json::str(o, u"command")} + json::strList(o, u"args")).join(u' ').trimmed();
        r.summary = joined({json::firstStr(o, {u"mcp_server_type", u"type", u"server_type"}), target});
        break;
    }
    case ResourceKind::Folder:
    case ResourceKind::Archive:
        r.name = json::str(o, u"name");
        r.summary = joined({firstLine(json::str(o, u"description")),
                            json::str(json::object(o, u"embedding_config"), u"embedding_model"),
                            json::str(o, u"vector_db_provider")});
        break;
    case ResourceKind::Identity:
        r.name = json::firstStr(o, {u"name", u"identifier_key"});
        r.summary = joined({json::str(o, u"identity_type"), json::str(o, u"identifier_key")});
        break;
    case ResourceKind::LlmModel: {
        r.name = json::firstStr(o, {u"display_name", u"handle", u"name", u"model"});
        const QString window = json::firstStr(o, {u"max_context_window", u"context_window"});
        r.summary = joined({json::firstStr(o, {u"provider_name", u"provider_type", u"model_endpoint_type"}),
                            window.isEmpty() ? QString() : window + u" tokens context"_s});
        break;
    }
    case ResourceKind::EmbeddingModel: {
        r.name = json::firstStr(o, {u"display_name", u"handle", u"name", u"embedding_model"});
        const QString dim = json::str(o, u"embedding_dim");
        r.summary = joined({json::firstStr(o, {u"provider_name", u"provider_type", u"embedding_endpoint_type"}),
                            dim.isEmpty() ? QString() : dim + u" dimensions"_s});
        break;
    }
    case ResourceKind::Provider:
        r.name = json::str(o, u"name");
        r.summary = joined({json::str(o, u"provider_type"), json::str(o, u"provider_category"),
                            json::str(o, u"base_url")});
        break;
    case ResourceKind::Group: {
        // Groups have no name; their description (often empty) or manager type stands in.
        const QString manager = json::str(o, u"manager_type");
        r.name = json::str(o, u"description");
        if (r.name.isEmpty())
            r.name = manager.isEmpty() ? u"group"_s : manager + u" group"_s;
        r.summary = joined({manager, u"%1 agents"_s.arg(json::array(o, u"agent_ids").size())});
        break;
    }
    case ResourceKind::SandboxConfig:
        r.name = json::str(o, u"type") + u" sandbox"_s;
        r.summary = QStringList(json::object(o, u"config").keys()).join(u", ");
        break;
    }
}
} // namespace

Result<Resource> parseResource(ResourceKind kind, const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(resourceKindKey(kind), value);
    const QJsonObject o = value.toObject();
    Resource r;
    r.kind = kind;
    r.id = json::str(o, u"id");
    // Models and some providers have no id; their handle or name identifies them.
    if (r.id.isEmpty())
        r.id = json::firstStr(o, {u"handle", u"name", u"model", u"embedding_model"});
    if (r.id.isEmpty())
        return Error{ErrorKind::BadPayload, u"%1 without an id or name"_s.arg(resourceKindKey(kind))};
    describe(kind, o, r);
    if (r.name.isEmpty())
        r.name = r.id;
    r.raw = o;
    return r;
}

} // namespace lettascope::letta
