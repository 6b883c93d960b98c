// SPDX-License-Identifier: MIT
#include "pipeline.h"

#include "trajectories/processing/stagebackend.h"
#include "trajectories/trajectoryqueries.h"

#include <QJsonDocument>

#include <bit>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
// The embedding reads the summary, so it goes last; the others are independent.
constexpr Stage kOrder[] = {Stage::Summary, Stage::Score, Stage::Labels, Stage::Decisions, Stage::Embedding};
} // namespace

JobOutcome runPipeline(const ClaimedJob &job, store::Database &db, const BackendFor &backendFor,
                       const std::atomic_bool *cancel, const std::function<void(double)> &progress)
{
    JobOutcome outcome;
    outcome.job = job;
    auto loaded = loadTrajectoryData(db, job.trajectoryId);
    if (!loaded || !*loaded) {
        // A read error is transient from the job's point of view: every stage fails and is retried.
        if (!loaded) {
            for (Stage stage : kOrder) {
                if (job.stages & stageBit(stage))
                    outcome.results << StageResult::failure(stage, loaded.error().toString(), true);
            }
        } else {
            outcome.trajectoryMissing = true;
        }
        return outcome;
    }
    const TrajectoryData &stored = **loaded;
    outcome.inputHash = stored.contentHash;

    StageInput input;
    input.trajectoryId = job.trajectoryId;
    input.data = QJsonDocument::fromJson(stored.dataJson.toUtf8()).object();
    input.digest = digestOf(input.data);
    input.summary = stored.summary;
    input.cancel = cancel;

    const int total = std::popcount(job.stages);
    int done = 0;
    for (Stage stage : kOrder) {
        if (!(job.stages & stageBit(stage)))
            continue;
        StageBackend *backend = backendFor(stage);
        StageResult result;
        if (cancel && cancel->load())
            result = StageResult::failure(stage, u"cancelled"_s, false);
        else if (!backend)
            result = StageResult::failure(stage, u"no backend is configured for this stage"_s, false);
        else
            result = backend->run(stage, input);
        if (backend && result.backend.isEmpty()) {
            result.backend = backendKey(backend->kind());
            result.model = backend->model(stage);
        }
        if (result.ok && stage == Stage::Summary)
            input.summary = result.summary;
        outcome.results << result;
        if (progress && total > 0)
            progress(double(++done) / total);
    }
    return outcome;
}

} // namespace lettascope::trajectories
