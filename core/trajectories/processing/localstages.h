// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/digest.h"
#include "trajectories/trajectory.h"

#include <QList>
#include <QString>

namespace lettascope::trajectories::local {

// The offline implementations of every stage: deterministic, no network, no key. They read the digest
// so one trajectory is parsed once for all stages.

/// Extractive summary: the request, the approach (turns, tools, failures), the outcome and the answer.
QString summarize(const TrajectoryDigest &digest);

struct Score {
    double value = 0;           ///< 0..1, two decimals
    QString reasoning;          ///< says which criteria moved it and why
};
/// The seed's final criteria (§3.2): interaction depth 35 %, task complexity 30 %, tool orchestration
/// 20 %, learning value (errors, recovery, outcome) 15 %; single-turn trivial work is capped at 0.5 and
/// abandoned or failed runs are penalised.
Score score(const TrajectoryDigest &digest);

/// Rule tags (long_conversation, quick_task, tool_error, recovered_after_error, max_tokens, cancelled,
/// approval_denied, multi_model, high_token_usage, …; 3 to 7), a task category, a complexity level and
/// the seed's metadata keys.
Labels labels(const TrajectoryDigest &digest);

/// Feature-hashed bag of words and bigrams (signed hashing, sublinear tf, L2-normalised).
inline constexpr int EmbeddingDim = 256;
inline constexpr const char *EmbeddingModel = "hash256-v1";
QList<float> embed(const QString &text);

/// One decision per tool call; success from the return's status; error type from the return text.
QList<Decision> decisions(const TrajectoryDigest &digest);
QString errorTypeFor(const QString &resultText);

} // namespace lettascope::trajectories::local
