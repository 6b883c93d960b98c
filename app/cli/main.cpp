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
    Command{"trajectories", "build, process, list, show, search, export and import trajectories", &runTrajectories},
    Command{"stats", "aggregates over cached runs: trends, tools, tokens, agents, patterns", &runStats},
    Command{"mcp", "serve trajectories to agents over the Model Context Protocol (stdio)", &runMcp},
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

    // Global options are documented before the subcommand, but `sync --server URL` reads naturally too,
    // so they are taken from anywhere on the line; everything else belongs to the subcommand.
    GlobalOptions options;
    options.cachePath = qEnvironmentVariable("LETTASCOPE_CACHE");
    options.serverUrl = qEnvironmentVariable("LETTASCOPE_SERVER");
    CliContext early(options);
    QStringList rest;
    const QStringList args = app.arguments();
    for (qsizetype index = 1; index < args.size(); ++index) {
        const QString &arg = args[index];
        QString *target = arg == u"--cache" ? &options.cachePath
            : arg == u"--server"            ? &options.serverUrl
            : arg == u"--profile"           ? &options.profileName
                                            : nullptr;
        if (target) {
            if (index + 1 >= args.size())
                return early.usageError(u"%1 needs a value"_s.arg(arg));
            *target = args[++index];
        } else {
            rest << arg;
        }
    }
    if (rest.isEmpty())
        return early.usageError(u"no command given; see lettascope-cli --help"_s);
    if (rest.first() == u"--help" || rest.first() == u"-h") {
        printUsage(early.out());
        return ExitOk;
    }
    if (rest.first() == u"--version") {
        early.out() << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    if (rest.first().startsWith(u"-"))
        return early.usageError(u"unknown option %1; see lettascope-cli --help"_s.arg(rest.first()));

    CliContext context(options);
    const QString name = rest.first();
    for (const auto &command : commands) {
        if (name == QLatin1StringView(command.name))
            return command.run(context, rest);
    }
    return context.usageError(u"unknown command '%1'; see lettascope-cli --help"_s.arg(name));
}
