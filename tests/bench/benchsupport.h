// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <vector>

// What every benchmark prints: medians, and the machine they were measured on.

double median(std::vector<double> values);
/// Resident set size of this process, KiB; -1 where /proc is missing.
qint64 residentKiB();
/// The CPU model from /proc/cpuinfo, else the architecture.
QString cpuModel();
