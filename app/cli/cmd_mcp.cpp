// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "commands.h"
#include "interrupt.h"
#include "trajectoryoptions.h"

#include "mcp/jsonrpc.h"
#include "mcp/mcphttpserver.h"
#include "mcp/mcpserver.h"
#include "mcp/trajectorytools.h"
#include "trajectories/search/searchsession.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

// A JSON-RPC request to these tools is a few hundred bytes; anything near this is not one.
constexpr qint64 kMaxMessageBytes = 1 << 20;

mcp::ServerIdentity identity()
{
    return {u"lettascope"_s, u"Lettascope trajectories"_s, QStringLiteral(LETTASCOPE_VERSION),
            u"Your own past runs, scored by how well they went. Before a task, call search_trajectories "
            "(include_contrasts=true shows what worked and what failed); read one run with get_trajectory; "
            "search_decisions finds single tool calls."_s};
}

void writeLine(const QByteArray &message)
{
    std::fwrite(message.constData(), 1, size_t(message.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

struct Message {
    QByteArray text;
    bool tooLong = false;   ///< over the limit: skipped to its newline, text empty
};

/// The next line of stdin, without its newline; nullopt once stdin is closed. stdio's buffer does the
/// reading, so a line arriving in many pieces is still one message.
std::optional<Message> readMessage()
{
    Message message;
    int c = 0;
    while ((c = std::getc(stdin)) != EOF && c != '\n') {
        if (message.text.size() < kMaxMessageBytes)
            message.text.append(char(c));
        else
            message.tooLong = true;
    }
    if (message.tooLong)
        message.text.clear();
    if (c == EOF && message.text.isEmpty() && !message.tooLong)
        return std::nullopt;
    return message;
}

/// Newline-delimited JSON-RPC on stdin/stdout until stdin closes. stdout carries protocol messages only.
int serveStdio(mcp::McpServer &server)
{
    while (const std::optional<Message> message = readMessage()) {
        if (message->tooLong) {
            const QJsonObject refused = mcp::rpcError(QJsonValue::Null, mcp::RpcCode::InvalidRequest,
                                                      u"a message may be at most 1 MiB"_s);
            writeLine(QJsonDocument(refused).toJson(QJsonDocument::Compact));
            continue;
        }
        const QByteArray text = message->text.trimmed();
        if (text.isEmpty())
            continue;
        if (const QByteArray reply = server.handle(text); !reply.isEmpty())
            writeLine(reply);
    }
    return ExitOk;
}

/// Streamable HTTP at /mcp until SIGINT or SIGTERM. Prints where it listens and the token to use.
int serveHttp(CliContext &context, mcp::McpServer &server, const QString &address, QString token)
{
    const qsizetype colon = address.lastIndexOf(u':');
    bool portOk = false;
    const uint port = address.mid(colon + 1).toUInt(&portOk);
    mcp::HttpServerOptions options;
    const QString host = colon > 0 ? address.left(colon) : u"127.0.0.1"_s;
    if (!portOk || port > 65535 || !options.host.setAddress(host == u"localhost" ? u"127.0.0.1"_s : host))
        return context.usageError(u"--http wants HOST:PORT, e.g. 127.0.0.1:8765 (port 0: any free port)"_s);
    options.port = quint16(port);
    const bool generated = token.isEmpty();
    options.token = generated ? mcp::generateToken() : token;
    mcp::McpHttpServer http(server, options);
    if (auto bound = http.listen(); !bound)
        return context.fail(bound.error().message);
    context.out() << u"MCP server listening on "_s << http.url().toString() << Qt::endl;
    if (generated) // a token the user chose is not echoed into logs
        context.out() << u"Bearer token: "_s << options.token << Qt::endl;
    if (!options.host.isLoopback())
        context.err() << u"warning: listening beyond this machine on "_s << host << Qt::endl;
    if (!installInterruptHandler())
        return context.fail(u"cannot install the SIGINT/SIGTERM handlers"_s);
    QEventLoop loop;
    whenInterrupted(&loop, [&loop] { loop.quit(); });
    loop.exec();
    return ExitOk;
}

} // namespace

int runMcp(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serve the cache's trajectories to agents over the Model Context Protocol (stdio: newline-delimited "
        "JSON-RPC on stdin and stdout; logs on stderr; or --http). Tools: search_trajectories, search_decisions, "
        "get_trajectory. Read-only; sees what the app or a sync writes meanwhile. With --server or --profile, "
        "only that server's data."_s);
    addBackendOptions(parser);
    parser.addOptions({{u"http"_s, u"Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio (loopback "
                                   "unless HOST says otherwise)."_s, u"HOST:PORT"_s},
                       {u"token"_s, u"The bearer token HTTP clients must send (default: a new random one, printed)."_s,
                        u"TOKEN"_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    auto config = configFrom(parser);
    if (!config)
        return context.usageError(config.error().message);
    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    auto session = std::make_unique<trajectories::SearchSession>(std::move(view->db), queryEmbedder(*config));
    mcp::TrajectoryTools tools(std::move(session), view->serverId);
    mcp::McpServer server(tools, identity());
    if (parser.isSet(u"http"_s))
        return serveHttp(context, server, parser.value(u"http"_s), parser.value(u"token"_s));
    return serveStdio(server);
}

} // namespace lettascope::cli
