// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsfilter.h"
#include "common/result.h"
#include "trajectories/trajectoryfilters.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope::store {
class Database;
}
namespace lettascope::trajectories {
class FilterIndex;
}

// The Analytics tab's trajectory aggregates: what processing (score, labels, embeddings) found in the
// trajectories of the tab's filter. Plain values computed on the analytics worker.

namespace lettascope::analytics {

constexpr int kScoreBins = 10;      ///< bin i holds scores in [i/10, (i+1)/10); the last one includes 1.0
constexpr int kTopTags = 12;       ///< more labels than fit a chart's height would be skipped
constexpr int kMaxMapPoints = 5000; ///< the semantic map shows the most recent trajectories only

struct LabelCount {
    QString label;
    int count = 0;
    friend bool operator==(const LabelCount &, const LabelCount &) = default;
};

/// One trajectory on the semantic map.
struct MapPoint {
    qint64 trajectoryId = 0;
    double x = 0;
    double y = 0;
    std::optional<double> score;
    QString summary;                ///< first line, at most 200 characters
    friend bool operator==(const MapPoint &, const MapPoint &) = default;
};

/// Trajectory embeddings of one model projected to 2-D (PCA). Models are never mixed: their spaces differ.
struct SemanticMap {
    QString modelKey;               ///< the model most trajectories of the filter have a vector of; "" for none
    int embedded = 0;               ///< trajectories of the filter with a vector of that model
    QList<MapPoint> points;         ///< the most recent kMaxMapPoints of them
    friend bool operator==(const SemanticMap &, const SemanticMap &) = default;
};

struct TrajectoryStats {
    AnalyticsFilter filter;
    int trajectories = 0;           ///< matching the filter, processed or not
    int scored = 0;                 ///< of them with a learning-value score
    int labelled = 0;               ///< of them with a category
    QList<int> scoreBins;           ///< kScoreBins counts over the scored trajectories
    QList<LabelCount> categories;   ///< most first
    QList<LabelCount> complexities; ///< trivial → expert, then any other label by count
    QList<LabelCount> tags;         ///< label and annotation tags, most first, at most kTopTags
    SemanticMap map;
    friend bool operator==(const TrajectoryStats &, const TrajectoryStats &) = default;
};

/// The bin of a score: the same bounds scoreBinFilter() gives SQL, so a bin's count is its list's length.
int scoreBin(double score);
/// The trajectories an analytics filter covers (server, agents, creation time).
trajectories::TrajectoryFilters trajectoryFilters(const AnalyticsFilter &filter);
/// `base` narrowed to the scores of bin `bin`.
trajectories::TrajectoryFilters scoreBinFilter(trajectories::TrajectoryFilters base, int bin);

/// Refreshes `index` from `db` (cheap when nothing changed; the first call loads it) and counts from it.
/// Callers keep the index between calls, so a filter switch or an update re-reads only what changed.
Result<TrajectoryStats> computeTrajectoryStats(store::Database &db, trajectories::FilterIndex &index,
                                               const AnalyticsFilter &filter, int maxMapPoints = kMaxMapPoints);

} // namespace lettascope::analytics

Q_DECLARE_METATYPE(lettascope::analytics::TrajectoryStats)
