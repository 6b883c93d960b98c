// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace lettascope::demo {

/// What to generate. Everything except the anchor (and, in live mode, wall-clock timing) follows from
/// the seed, so the same config always serves the same bytes.
struct DemoConfig {
    quint64 seed = 42;
    int agents = 6;
    int runsPerAgent = 40;
    int stepsPerRun = 5;            ///< average; individual runs vary from 1 to several times this
    qint64 anchorMicros = 0;        ///< end of the generated history; 0 = start of the current UTC day
    int historyDays = 60;
    QString serverVersion = QStringLiteral("0.16.8");
};

} // namespace lettascope::demo
