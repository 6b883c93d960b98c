// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/analyticsresult.h"

#include <QList>
#include <QStringList>

#include <functional>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QValueAxis;

namespace lettascope::ui::analytics {

// Charts built from a finished AnalyticsResult on the GUI thread (the numbers were computed on the
// analytics worker). Each chart shows its values on hover.

/// An empty chart in the tab's style (theme from the palette, legend below, no animation, small margins).
QChart *newChart(const QString &title);
/// Categories along x, turned vertical when there are many. Line series use the category index as x so
/// they share the axis with bars.
QBarCategoryAxis *categoryAxis(QChart *chart, const QStringList &labels);
/// A 0..`most` axis of whole counts: integer labels, and no fractional ticks for small counts.
void showCounts(QValueAxis *axis, int most);
/// Shows "category · set: value" while the pointer is over one of the set's bars.
void showValueOnHover(QBarSet *set, const QStringList &categories);
/// Horizontal bars along `labels` (bottom-up), one bar per set, on a 0..`most` axis; values on hover.
void addHorizontalBars(QChart *chart, const QStringList &labels, const QList<QBarSet *> &sets, int most);
/// Calls `handler` with the set's position, the bar's index and its category when a bar is clicked.
void onBarClicked(QChart *chart, const std::function<void(int set, int index, const QString &category)> &handler);
/// Calls `handler` with the bucket index when a point of a line series is clicked.
void onPointClicked(QChart *chart, const std::function<void(int index)> &handler);

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
