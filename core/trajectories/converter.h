// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QJsonObject>
#include <QList>

namespace lettascope::trajectories {

/**
 * The seed converter (seed-trajectories.md §2) over the cache's run, steps and messages, producing
 * `data = {run_id, metadata, turns, outcome}`. Its known flaws are fixed:
 * - messages with no step_id, or a step_id that matches no step, are kept in turns of their own
 *   (step_id null, or the unknown id) placed after the turn of the last step-bound message before them;
 * - reasoning content is kept as text;
 * - tool messages carry the tool return's own `status`, from which decisions take success.
 * `models` keeps first-seen order so the output is deterministic. Never fails: every input converts.
 */
QJsonObject convertRun(const Run &run, const QList<Step> &steps, const QList<Message> &messages);

} // namespace lettascope::trajectories
