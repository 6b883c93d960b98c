// SPDX-License-Identifier: MIT
#pragma once

#include "messagedicts.h"
#include "model/entities.h"

#include <QJsonObject>

namespace lettascope::trajectories {

/**
 * The seed's heuristic execution outcome (seed-trajectories.md §2.4, final names): status from the
 * run's status and stop reason, the engagement boost for completed runs with four or more user
 * messages, and the tool-call note. Returns {execution: {status, confidence, reasoning}} plus the
 * legacy type/confidence/reasoning keys. This is a heuristic about execution, not a quality score.
 */
QJsonObject determineOutcome(const Run &run, const QList<MessageDict> &messages);

/// Legacy outcome.type for an execution status: completed→success, incomplete→partial_success, …
QString legacyOutcomeType(const QString &executionStatus);

} // namespace lettascope::trajectories
