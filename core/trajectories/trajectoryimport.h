// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/processing/stageresult.h"
#include "trajectories/trajectoryrecord.h"

#include <QStringList>

class QIODevice;

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::trajectories {

/// One line of a trajectory JSONL file, understood.
struct ImportedTrajectory {
    TrajectoryRecord record;
    QList<StageResult> results;     ///< enrichment the line carried (backend "import")
    Annotation annotation;
};

/// Reads a line of the export format (or a bare seed `data` object). Errors say what is wrong with it.
Result<ImportedTrajectory> parseTrajectoryLine(const QByteArray &line, qint64 serverId);

struct ImportOptions {
    bool enqueueProcessing = true;  ///< queue what the lines lacked (always the embedding: vectors are not exported)
    int maxAttempts = 5;
};

struct ImportReport {
    qint64 lines = 0;
    qint64 imported = 0;            ///< new or changed
    qint64 unchanged = 0;
    qint64 queued = 0;
    QStringList rejected;           ///< "line 3: not a JSON object", in line order
    Error error;                    ///< a storage failure that stopped the import
    bool ok() const { return error.kind == ErrorKind::None; }
};

/**
 * Imports a JSONL stream into the cache under the "Imported trajectories" server: broken lines are
 * reported and skipped, every good line lands (in batches of 200, each one transaction). Blocking: call
 * from a worker thread or the CLI.
 */
ImportReport importTrajectories(store::StoreWriter &writer, QIODevice &input, const ImportOptions &options = {});

/// The cache's profile id for imported trajectories.
inline constexpr const char *ImportProfileId = "import:trajectories";

} // namespace lettascope::trajectories
