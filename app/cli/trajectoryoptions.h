// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"
#include "common/result.h"
#include "trajectories/processing/processingconfig.h"
#include "trajectories/trajectoryfilters.h"

class QCommandLineParser;

namespace lettascope::cli {

// Options shared by the `trajectories` subcommands.

/// --agent, --status, --min-score, --max-score, --tag (repeatable), --category, --complexity, --since, --until.
void addFilterOptions(QCommandLineParser &parser);
Result<trajectories::TrajectoryFilters> filtersFrom(const QCommandLineParser &parser, qint64 serverId);

/// --backend, --base-url, --model, --embedding-model, --concurrency, --rate: in-memory overrides of the
/// saved processing settings (never written back).
void addBackendOptions(QCommandLineParser &parser);
Result<trajectories::ProcessingConfig> configFrom(const QCommandLineParser &parser);

/// The LLM key: LETTASCOPE_LLM_API_KEY, else the keychain (waiting at most a few seconds); empty when
/// the configuration needs no network.
Result<QString> apiKeyFor(const trajectories::ProcessingConfig &config);

/// What embeds search queries for `config`: the configured backend with its key. A key is only needed to
/// embed remotely; without one the search still runs on keywords. `trajectories search` and `mcp` share it,
/// so an agent finds what a person finds.
std::shared_ptr<trajectories::StageBackend> queryEmbedder(const trajectories::ProcessingConfig &config);

/// A positive --limit.
Result<int> limitFrom(const QCommandLineParser &parser);

/// Parses arguments; returns an exit code when the command should stop here (help or a usage error).
std::optional<int> parseOrExit(CliContext &context, QCommandLineParser &parser, const QStringList &arguments);

} // namespace lettascope::cli
