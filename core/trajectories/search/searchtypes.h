// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/trajectory.h"
#include "trajectories/trajectoryfilters.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope::trajectories {

/// A search: free text, or "like this trajectory" (its vector, else its summary's words), plus filters.
struct SearchRequest {
    QString text;
    std::optional<qint64> likeTrajectory;   ///< row id; excluded from its own results
    TrajectoryFilters filters;
    int limit = 20;
};

struct SearchHit {
    TrajectoryRow row;
    double score = 0;           ///< the hybrid ranking score, 0..1 (what results are ordered by)
    double vector = 0;          ///< cosine similarity, clamped at 0; 0 when the row has no vector
    double keyword = 0;         ///< FTS5 bm25 relative to the best keyword match among the candidates, 0..1
};

struct SearchResults {
    QList<SearchHit> hits;
    QString embeddingModel;     ///< the index searched; empty when vectors were not used
    QString note;               ///< why vectors or keywords were not used, for the UI to say
};

/// Three tiers by learning-value score: successes ≥ 0.7, moderate strictly between, failures ≤ 0.3.
/// Every scored trajectory falls in exactly one tier; each tier is ranked by the hybrid score.
struct Contrasts {
    QList<SearchHit> successes;
    QList<SearchHit> moderate;
    QList<SearchHit> failures;
    QString embeddingModel;
    QString note;
};

inline constexpr double SuccessThreshold = 0.7;
inline constexpr double FailureThreshold = 0.3;

} // namespace lettascope::trajectories

Q_DECLARE_METATYPE(lettascope::trajectories::SearchRequest)
Q_DECLARE_METATYPE(lettascope::trajectories::SearchResults)
Q_DECLARE_METATYPE(lettascope::trajectories::Contrasts)
