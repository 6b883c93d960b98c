// SPDX-License-Identifier: MIT
#include "demorouter.h"

#include "demoroutes.h"

#include <QVarLengthArray>

using namespace Qt::StringLiterals;

namespace lettascope::demo {

namespace routes {

namespace {

QString kindName(IdKind kind)
{
    switch (kind) {
    case IdKind::Agent: return u"Agent"_s;
    case IdKind::Run: return u"Run"_s;
    case IdKind::Step: return u"Step"_s;
    case IdKind::Message: return u"Message"_s;
    case IdKind::Job: return u"Job"_s;
    case IdKind::Tool: return u"Tool"_s;
    case IdKind::Block: return u"Block"_s;
    case IdKind::Source: return u"Source"_s;
    case IdKind::Archive: return u"Archive"_s;
    case IdKind::Identity: return u"Identity"_s;
    case IdKind::Group: return u"Group"_s;
    case IdKind::Provider: return u"Provider"_s;
    case IdKind::McpServer: return u"MCPServer"_s;
    case IdKind::Sandbox: return u"SandboxConfig"_s;
    case IdKind::ProviderTrace: return u"ProviderTrace"_s;
    case IdKind::File: return u"FileMetadata"_s;
    }
    return {};
}

bool matches(const char *pattern, const QVarLengthArray<QStringView, 8> &segments, QStringList &params)
{
    qsizetype index = 0;
    const char *cursor = pattern;
    while (true) {
        const char *slash = cursor;
        while (*slash && *slash != '/')
            ++slash;
        if (index >= segments.size())
            return false;
        const QLatin1StringView literal(cursor, slash - cursor);
        if (literal == "{}"_L1)
            params << segments[index].toString();
        else if (segments[index].compare(literal) != 0)
            return false;
        ++index;
        if (!*slash)
            break;
        cursor = slash + 1;
    }
    return index == segments.size();
}

} // namespace

Lookup findPathEntity(const Context &context, IdKind kind, int param, const char *paramName)
{
    const QString &text = context.params.value(param);
    const QString prefix = QString::fromLatin1(DemoIds::prefix(kind));
    Lookup lookup;
    // MCP server ids are not pattern-checked by the server; everything else is (letta-api.md §5).
    if (kind != IdKind::McpServer && !DemoIds::isWellFormed(kind, text)) {
        lookup.failure = DemoReply::validation(
            u"('path', '%1')"_s.arg(QLatin1StringView(paramName)), u"string_pattern_mismatch"_s,
            u"String should match pattern '^%1-[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$'"_s.arg(prefix),
            text, prefix + u"-123e4567-e89b-42d3-a456-426614174000"_s);
        return lookup;
    }
    const auto index = context.data.find(kind, text);
    if (!index) {
        lookup.failure = DemoReply::notFound(kind == IdKind::Agent
                                                 ? u"Agent not found"_s
                                                 : u"%1 not found with identifier %2"_s.arg(kindName(kind), text));
        return lookup;
    }
    lookup.index = *index;
    return lookup;
}

CursorLookup findCursor(const Context &context, IdKind kind, const QString &param)
{
    CursorLookup lookup;
    const QString text = context.query.value(param);
    if (text.isEmpty())
        return lookup;
    const auto index = context.data.find(kind, text);
    if (!index) {
        lookup.failure = DemoReply::notFound(kind == IdKind::Message
                                                 ? u"No message found with id '%1'."_s.arg(text)
                                                 : u"No %1 found with id %2"_s.arg(kindName(kind), text));
        return lookup;
    }
    lookup.entity = *index;
    return lookup;
}

DemoReply integerReply(qint64 value)
{
    return DemoReply::json(QByteArray::number(value));
}

QStringList requestedMessageTypes(const Context &context)
{
    return context.query.values(u"include_return_message_types"_s);
}

void writeMessageEntries(JsonWriter &out, const Context &context, const DemoContent &content, quint32 message,
                         const QStringList &types)
{
    const MessageRec &record = context.data.messages[message];
    const int count = json::lettaMessageCount(record);
    for (int part = 0; part < count; ++part) {
        if (types.isEmpty() || types.contains(QLatin1StringView(json::lettaMessageType(record, part))))
            json::writeLettaMessage(out, context.data, content, message, part);
    }
}

} // namespace routes

DemoReply DemoRouter::handle(const DemoDataset &data, const DemoRequest &request)
{
    QStringView path = request.path;
    if (path.startsWith(u"/v1/"))
        path = path.sliced(4);
    else if (path.startsWith(u"/latest/"))
        path = path.sliced(8);
    else
        return DemoReply::detail(404, u"Not Found"_s);
    if (path.endsWith(u'/'))
        path.chop(1);
    QVarLengthArray<QStringView, 8> segments;
    for (const auto segment : path.tokenize(u'/'))
        segments.append(segment);

    for (const auto &table : {routes::agentRoutes(), routes::runRoutes(), routes::stepRoutes(), routes::resourceRoutes()}) {
        for (const routes::Route &route : table) {
            QStringList params;
            if (!routes::matches(route.pattern, segments, params))
                continue;
            if (request.method != "GET" && request.method != "HEAD")
                return DemoReply::detail(405, u"Method Not Allowed"_s);
            routes::Context context{data, request, DemoQuery(request.query), std::move(params)};
            return route.handler(context);
        }
    }
    return DemoReply::detail(404, u"Not Found"_s);
}

} // namespace lettascope::demo
