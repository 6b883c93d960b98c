// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace benchsupport {

double median(std::vector<double> values);
/// The value below which `pct` percent of the values lie (nearest rank); 0 for none.
double percentile(std::vector<double> values, int pct);
/// Resident set of this process now, in KiB (-1 when /proc is unavailable).
qint64 residentKiB();
/// "<cpu model>, N logical cores (shared), Qt X, optimised build": printed under every benchmark title.
QString machineLine();

/// A child process's wall time and peak resident set, as wait4() reports them.
struct ProcessRun {
    int exitCode = -1;
    double wallMs = 0;
    qint64 peakRssKiB = 0;
};
/// Runs `program` with `arguments`, stdout and stderr to /dev/null, and waits for it.
ProcessRun runMeasured(const QString &program, const QStringList &arguments);

} // namespace benchsupport
