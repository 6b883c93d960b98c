// SPDX-License-Identifier: MIT
#include "commands.h"
#include "interrupt.h"

#include "fakellm/fakellmserver.h"

#include <QCommandLineParser>
#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

int runFakeLlm(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Run the scripted OpenAI-compatible LLM (127.0.0.1 only) used by the App Server tests: "
        "USE_TOOL gets a Read call, USE_BASH an exec_command call, FAIL_500 an HTTP 500, anything else an echo."_s);
    parser.addOption({u"port"_s, u"Port to listen on (0: any free port)."_s, u"P"_s, u"0"_s});
    parser.addOption({u"log"_s, u"Print one line per request."_s});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    bool ok = false;
    const uint port = parser.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535)
        return context.usageError(u"--port needs a number from 0 to 65535"_s);

    fakellm::FakeLlmServer server;
    auto bound = server.listen(quint16(port));
    if (!bound)
        return context.fail(bound.error().message);
    if (parser.isSet(u"log"_s)) {
        QObject::connect(&server, &fakellm::FakeLlmServer::requestReceived, &server,
                         [&context](const fakellm::LlmRequest &request) {
                             context.out() << fakellm::routePath(request.route) << u' ' << request.lastUserText().left(100)
                                           << Qt::endl;
                         });
    }
    // The readiness line scripts wait for.
    context.out() << u"fake LLM listening on "_s << server.baseUrl().toString() << Qt::endl;

    QEventLoop loop;
    whenInterrupted(&loop, [&loop] { loop.quit(); });
    loop.exec();
    return ExitOk;
}

} // namespace lettascope::cli
