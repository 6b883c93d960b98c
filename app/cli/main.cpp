// SPDX-License-Identifier: MIT
#include "commands.h"

#include <QCoreApplication>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace lettascope::cli;

namespace {

constexpr std::array commands{
    Command{"sync", "fetch what changed on a server into the cache", &runSync},
    Command{"record", "record a Letta Code App Server's live events into the cache", &runRecord},
    Command{"import", "import a trajectory-v1 export or an App Server store folder", &runImport},
    Command{"list", "list cached agents, runs, steps, messages or jobs", &runList},
    Command{"show", "show a cached run with its steps and messages", &runShow},
    Command{"search", "full-text search over cached messages and tool calls", &runSearch},
    Command{"export", "export cached runs as JSON Lines or CSV", &runExport},
    Command{"demo-server", "run the built-in demo Letta server", &runDemoServer},
    Command{"fake-llm", "run the scripted OpenAI-compatible LLM used by tests", &runFakeLlm},
};

void printUsage(QTextStream &out)
{
    out << u"Usage: lettascope-cli [--cache PATH] [--server URL | --profile NAME] <command> [options]\n\n"_s
        << u"Commands:\n"_s;
    for (const auto &command : commands)
        out << u"  "_s << QString::fromLatin1(command.name).leftJustified(16) << QString::fromLatin1(command.summary)
            << u'\n';
    out << u"\nRun 'lettascope-cli <command> --help' for a command's options.\n"_s;
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"lettascope"_s);
    QCoreApplication::setOrganizationName(u"Lettascope"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LETTASCOPE_VERSION));

    // Global options must precede the subcommand; everything from the subcommand on is its own.
    GlobalOptions options;
    options.cachePath = qEnvironmentVariable("LETTASCOPE_CACHE");
    options.serverUrl = qEnvironmentVariable("LETTASCOPE_SERVER");
    const QStringList args = app.arguments();
    qsizetype index = 1;
    CliContext early(options);
    for (; index < args.size(); ++index) {
        const QString &arg = args[index];
        auto takeValue = [&](QString &target) {
            if (index + 1 >= args.size())
                return false;
            target = args[++index];
            return true;
        };
        if (arg == u"--cache") {
            if (!takeValue(options.cachePath))
                return early.usageError(u"--cache needs a path"_s);
        } else if (arg == u"--server") {
            if (!takeValue(options.serverUrl))
                return early.usageError(u"--server needs a URL"_s);
        } else if (arg == u"--profile") {
            if (!takeValue(options.profileName))
                return early.usageError(u"--profile needs a name"_s);
        } else if (arg == u"--help" || arg == u"-h") {
            printUsage(early.out());
            return ExitOk;
        } else if (arg == u"--version") {
            early.out() << QCoreApplication::applicationVersion() << Qt::endl;
            return ExitOk;
        } else if (arg.startsWith(u"--")) {
            return early.usageError(u"unknown global option %1 (global options go before the command)"_s.arg(arg));
        } else {
            break;
        }
    }
    if (index >= args.size()) {
        printUsage(early.out());
        return ExitUsage;
    }

    CliContext context(options);
    const QString name = args[index];
    for (const auto &command : commands) {
        if (name == QLatin1StringView(command.name))
            return command.run(context, args.mid(index));
    }
    return context.usageError(u"unknown command '%1'; see lettascope-cli --help"_s.arg(name));
}
