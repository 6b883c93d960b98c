// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectory.h"
#include "trajectoryrecord.h"

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/// Writes trajectory rows and annotations through one connection (the StoreWriter's thread, inside
/// the caller's transaction).
class TrajectoryWriter
{
public:
    explicit TrajectoryWriter(store::Database &db) : m_db(db) { }

    struct Upserted {
        qint64 rowId = 0;
        bool inserted = false;
        bool contentChanged = false;    ///< new, or `data` differs from what was stored
    };
    /// Inserts or replaces the trajectory of (server, run). Enrichment and annotations stay; a rebuild
    /// whose data is unchanged only records the new source sequence.
    Result<Upserted> upsert(const TrajectoryRecord &record, qint64 rowSeq, qint64 nowMs);
    /// Replaces the annotation (an empty one deletes it) and re-indexes the tags.
    Status setAnnotation(qint64 rowId, const Annotation &annotation, qint64 rowSeq, qint64 nowMs);

private:
    store::Database &m_db;
};

} // namespace lettascope::trajectories
