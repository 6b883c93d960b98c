// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/processing/digest.h"
#include "trajectories/processing/stageresult.h"

#include <QJsonObject>

#include <atomic>

namespace lettascope::trajectories {

/// What a stage reads: the trajectory's data, its digest (parsed once per job) and the summary the
/// embedding should embed (fresh from this job's summary stage, else the stored one).
struct StageInput {
    qint64 trajectoryId = 0;
    QJsonObject data;
    TrajectoryDigest digest;
    QString summary;
    const std::atomic_bool *cancel = nullptr;
};

/**
 * One way of computing stages. run() blocks and is called from several worker threads at once, so
 * implementations are thread-safe. It never throws and never crashes on odd data or odd answers: every
 * problem comes back as a failed StageResult saying why and whether a retry could help.
 */
class StageBackend
{
public:
    virtual ~StageBackend() = default;
    virtual Backend kind() const = 0;
    /// The model a stage uses, as recorded with its result ("hash256-v1", "gpt-4o-mini", …).
    virtual QString model(Stage stage) const = 0;
    virtual StageResult run(Stage stage, const StageInput &input) = 0;
    /// Embeds a search query in the same space as run(Stage::Embedding).
    virtual Result<QList<float>> embedQuery(const QString &text) = 0;

    QString embeddingModelKey() const { return backendKey(kind()) + u':' + model(Stage::Embedding); }
};

} // namespace lettascope::trajectories
