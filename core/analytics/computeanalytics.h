// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsresult.h"
#include "common/result.h"
#include "pricetable.h"

namespace lettascope::store {
class Database;
}

namespace lettascope::analytics {

/// Every aggregate for one filter in one go, on the caller's connection and thread (the CLI, tests).
/// The service does the same on its worker and keeps the counters for incremental updates.
Result<AnalyticsResult> computeAnalytics(store::Database &db, const AnalyticsFilter &filter, const PriceTable &prices,
                                         qint64 nowMs, qint64 stuckAfterMs);

} // namespace lettascope::analytics
