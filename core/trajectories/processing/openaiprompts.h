// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/digest.h"
#include "trajectories/stage.h"

#include <QJsonObject>
#include <QString>

namespace lettascope::trajectories::openai {

/// The system prompt for a chat stage, with the seed's intent (seed-trajectories.md §3).
QString systemPrompt(Stage stage);
/// The user message: the trajectory as compact JSON (cut at `maxChars`, saying so) plus, for the score,
/// the turn, tool and message counts the seed appended.
QString userPrompt(Stage stage, const QJsonObject &data, const TrajectoryDigest &digest, int maxChars);
/// A chat completions request body in JSON mode.
QJsonObject chatRequest(const QString &model, double temperature, int maxTokens, const QString &system,
                        const QString &user);
int maxTokensFor(Stage stage);

} // namespace lettascope::trajectories::openai
