// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/processing/stageresult.h"

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/**
 * Writes stage results into the cache (writer thread, inside the caller's transaction). A successful
 * stage replaces that stage's columns and records its backend, model and timing; a failed stage records
 * only its error, so the previous result stays visible beside it.
 */
class EnrichmentWriter
{
public:
    explicit EnrichmentWriter(store::Database &db) : m_db(db) { }

    Status apply(qint64 trajectoryId, const StageResult &result, const QString &inputHash, qint64 rowSeq,
                 qint64 embeddingSeq);
    /// processing_state from the stage rows: completed, partial, failed (or `pending` if none ran).
    Status refreshProcessingState(qint64 trajectoryId, qint64 rowSeq, bool moreToCome, qint64 nowMs);
    /// trajectory_tags = label tags ∪ annotation tags, so a tag filter matches either.
    Status refreshTagIndex(qint64 trajectoryId);

private:
    Status writePayload(qint64 trajectoryId, const StageResult &result, qint64 rowSeq, qint64 embeddingSeq);
    Status writeDecisions(qint64 trajectoryId, const QList<Decision> &decisions);

    store::Database &m_db;
};

} // namespace lettascope::trajectories
