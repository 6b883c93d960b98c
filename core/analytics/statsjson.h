// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsresult.h"

#include <QJsonObject>

namespace lettascope::analytics {

/// The stable JSON shape of `lettascope-cli stats --json`. Quantities a source did not report are null,
/// never 0; times are ISO-8601 UTC, durations nanoseconds, costs micro-dollars.
QJsonObject statsToJson(const AnalyticsResult &result);

QString trendName(Trend trend);

} // namespace lettascope::analytics
