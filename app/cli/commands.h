// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"

#include <QStringList>

namespace lettascope::cli {

/// A subcommand receives the arguments after its name (argv[0] is the subcommand name itself, so a
/// QCommandLineParser can process() the list directly) and returns an ExitCode.
using CommandFunction = int (*)(CliContext &context, const QStringList &arguments);

struct Command {
    const char *name;
    const char *summary;
    CommandFunction run;
};

int runDemoServer(CliContext &context, const QStringList &arguments);
int runSync(CliContext &context, const QStringList &arguments);
int runList(CliContext &context, const QStringList &arguments);
int runShow(CliContext &context, const QStringList &arguments);
int runSearch(CliContext &context, const QStringList &arguments);
int runExport(CliContext &context, const QStringList &arguments);
int runFakeLlm(CliContext &context, const QStringList &arguments);
int runRecord(CliContext &context, const QStringList &arguments);
int runImport(CliContext &context, const QStringList &arguments);
int runTrajectories(CliContext &context, const QStringList &arguments);
int runStats(CliContext &context, const QStringList &arguments);
int runMcp(CliContext &context, const QStringList &arguments);

} // namespace lettascope::cli
