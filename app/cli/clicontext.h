// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>

#include <optional>
#include <QString>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace lettascope::cli {

/// Exit codes are part of the CLI contract: scripts rely on them.
enum ExitCode { ExitOk = 0, ExitUsage = 1, ExitFailure = 2 };

/// Options that come before the subcommand. CLI values are used in memory only, never written back.
struct GlobalOptions {
    QString cachePath;   ///< --cache, else $LETTASCOPE_CACHE, else the per-user default
    QString serverUrl;   ///< --server, else $LETTASCOPE_SERVER
    QString profileName; ///< --profile
};

class CliContext
{
public:
    explicit CliContext(GlobalOptions options);

    const GlobalOptions &options() const { return m_options; }
    QTextStream &out() { return m_out; }
    /// Progress and warnings; never mixed into the --json output on stdout.
    QTextStream &err() { return m_err; }

    /// One line on stderr, then the exit code to return.
    int fail(const QString &message, ExitCode code = ExitFailure);
    int usageError(const QString &message) { return fail(message, ExitUsage); }
    /// Parses a subcommand's arguments and handles --help. An exit code when the command is done already
    /// (help printed, or a usage error reported), nothing when it should go on.
    std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments);
    /// One line on stderr; the command goes on.
    void warn(const QString &message);
    /// Compact JSON followed by a newline, as `--json` prints it.
    void printJson(const QJsonValue &value);
    /// A plain-text table: columns padded to their widest cell (cells longer than 60 are cut).
    void printTable(const QStringList &headers, const QList<QStringList> &rows);

private:
    GlobalOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace lettascope::cli
