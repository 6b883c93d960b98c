// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"

#include <QStringList>

namespace lettascope::cli {

// `lettascope-cli trajectories <subcommand>`: each receives its arguments with argv[0] = its own name.
int trajectoriesBuild(CliContext &context, const QStringList &arguments);
int trajectoriesProcess(CliContext &context, const QStringList &arguments);
int trajectoriesList(CliContext &context, const QStringList &arguments);
int trajectoriesJobs(CliContext &context, const QStringList &arguments);
int trajectoriesShow(CliContext &context, const QStringList &arguments);
int trajectoriesSearch(CliContext &context, const QStringList &arguments);
int trajectoriesExport(CliContext &context, const QStringList &arguments);
int trajectoriesImport(CliContext &context, const QStringList &arguments);

} // namespace lettascope::cli
