// SPDX-License-Identifier: MIT
#include "commands.h"
#include "trajectorycommands.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

constexpr std::array subcommands{
    Command{"build", "turn finished runs into trajectories (new and changed ones)", &trajectoriesBuild},
    Command{"process", "run the queued processing (summary, score, labels, embedding, decisions)", &trajectoriesProcess},
    Command{"list", "list trajectories with filters", &trajectoriesList},
    Command{"jobs", "show the processing queue; retry or cancel jobs", &trajectoriesJobs},
    Command{"show", "show one trajectory: metadata, outcome, enrichment, decisions, turns", &trajectoriesShow},
    Command{"search", "hybrid search, contrasts (--contrasts) and similar runs (--like)", &trajectoriesSearch},
    Command{"export", "export trajectories as JSON Lines in the seed format", &trajectoriesExport},
    Command{"import", "import trajectories from JSON Lines", &trajectoriesImport},
};

void printUsage(QTextStream &out)
{
    out << u"Usage: lettascope-cli [--cache PATH] trajectories <subcommand> [options]\n\nSubcommands:\n"_s;
    for (const auto &command : subcommands)
        out << u"  "_s << QString::fromLatin1(command.name).leftJustified(10) << QString::fromLatin1(command.summary) << u'\n';
    out << u"\nRun 'lettascope-cli trajectories <subcommand> --help' for its options.\n"_s;
    out.flush();
}

} // namespace

int runTrajectories(CliContext &context, const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments[1] == u"--help" || arguments[1] == u"-h") {
        printUsage(context.out());
        return arguments.size() < 2 ? ExitUsage : ExitOk;
    }
    for (const auto &command : subcommands) {
        if (arguments[1] == QLatin1StringView(command.name))
            return command.run(context, arguments.mid(1));
    }
    return context.usageError(u"unknown trajectories subcommand '%1'; see lettascope-cli trajectories --help"_s.arg(arguments[1]));
}

} // namespace lettascope::cli
