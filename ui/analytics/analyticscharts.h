// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/analyticsresult.h"

class QChart;

namespace lettascope::ui::analytics {

// Charts built from a finished AnalyticsResult on the GUI thread (the numbers were computed on the
// analytics worker). Each chart shows its values on hover.

/// Completed / failed / cancelled runs per bucket, stacked.
QChart *runsChart(const lettascope::analytics::AnalyticsResult &result);
/// Success rate and failure rate per bucket, in percent.
QChart *ratesChart(const lettascope::analytics::AnalyticsResult &result);
/// Duration p50 / p90 / p99 per bucket, in seconds; buckets without durations are left out.
QChart *durationChart(const lettascope::analytics::AnalyticsResult &result);
/// Calls and errors of the ten most used tools.
QChart *toolsChart(const lettascope::analytics::AnalyticsResult &result);

/// The bucket table as CSV: one line per bucket, rates and durations empty where not reported.
QString bucketsCsv(const lettascope::analytics::AnalyticsResult &result);

} // namespace lettascope::ui::analytics
