// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace testsupport {

struct CliResult {
    int exitCode = -1;   ///< -1 when the process crashed or timed out
    QByteArray out;
    QByteArray err;
};

/// Runs a program to completion as a person would from a shell, capturing both streams.
CliResult runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 120'000,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace testsupport
