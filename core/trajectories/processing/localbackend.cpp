// SPDX-License-Identifier: MIT
#include "localbackend.h"

#include "trajectories/processing/localstages.h"

#include <QDateTime>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

QString LocalBackend::model(Stage stage) const
{
    switch (stage) {
    case Stage::Summary: return u"extractive-v1"_s;
    case Stage::Score: return u"criteria-v1"_s;
    case Stage::Labels: return u"rules-v1"_s;
    case Stage::Embedding: return QString::fromLatin1(local::EmbeddingModel);
    case Stage::Decisions: return u"tool-returns-v1"_s;
    }
    return {};
}

StageResult LocalBackend::run(Stage stage, const StageInput &input)
{
    QElapsedTimer clock;
    clock.start();
    StageResult r;
    r.stage = stage;
    r.ok = true;
    r.backend = backendKey(kind());
    r.model = model(stage);
    r.startedMs = QDateTime::currentMSecsSinceEpoch();
    switch (stage) {
    case Stage::Summary:
        r.summary = local::summarize(input.digest);
        break;
    case Stage::Score: {
        const local::Score score = local::score(input.digest);
        r.score = score.value;
        r.scoreReasoning = score.reasoning;
        break;
    }
    case Stage::Labels:
        r.labels = local::labels(input.digest);
        break;
    case Stage::Embedding:
        if (input.summary.isEmpty())
            return StageResult::failure(stage, u"nothing to embed: the trajectory has no summary yet"_s, true);
        r.embedding = local::embed(input.summary);
        r.embeddingModelKey = embeddingModelKey();
        break;
    case Stage::Decisions:
        r.decisions = local::decisions(input.digest);
        break;
    }
    r.elapsedMs = clock.elapsed();
    return r;
}

Result<QList<float>> LocalBackend::embedQuery(const QString &text)
{
    return local::embed(text);
}

} // namespace lettascope::trajectories
