// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/trajectory.h"

#include <QByteArray>
#include <QJsonObject>

#include <utility>

namespace lettascope::trajectories::openai {

// Readers for what an OpenAI-compatible endpoint answers. Models answer loosely, so each reader accepts
// reasonable variants (a fenced JSON block, a score given as text) and rejects the rest with a
// BadPayload error that quotes the start of what came back. Nothing here can crash on any input.

/// The JSON object in choices[0].message.content.
Result<QJsonObject> chatContent(const QByteArray &body);
Result<QString> parseSummary(const QJsonObject &answer);
/// The score clamped to 0..1 and rounded to two decimals; a missing reasoning reads "No reasoning provided".
Result<std::pair<double, QString>> parseScore(const QJsonObject &answer);
/// Tags (3-7 kept, at most 7), category (default unknown), complexity (coerced to moderate), metadata.
Result<Labels> parseLabels(const QJsonObject &answer);
/// The model's result summaries and error types laid over decisions built from the data (action,
/// arguments and success stay the data's: the tool return's status is the truth).
Result<QList<Decision>> mergeDecisions(const QJsonObject &answer, QList<Decision> decisions);
/// data[0].embedding, L2-normalised.
Result<QList<float>> parseEmbedding(const QByteArray &body);

} // namespace lettascope::trajectories::openai
