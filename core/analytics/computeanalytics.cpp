// SPDX-License-Identifier: MIT
#include "computeanalytics.h"

#include "analyticsaccumulator.h"
#include "factloader.h"

namespace lettascope::analytics {

Result<AnalyticsResult> computeAnalytics(store::Database &db, const AnalyticsFilter &filter, const PriceTable &prices,
                                         qint64 nowMs, qint64 stuckAfterMs)
{
    auto facts = loadRunFacts(db, filter);
    if (!facts)
        return facts.error();
    AnalyticsAccumulator accumulator(filter, prices);
    accumulator.reset(*facts);
    return accumulator.result(nowMs, stuckAfterMs);
}

} // namespace lettascope::analytics
