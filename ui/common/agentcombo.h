// SPDX-License-Identifier: MIT
#pragma once

#include "store/queries/catalogqueries.h"

#include <QList>

class QComboBox;

namespace lettascope::ui {

/// Fills an agent filter: "All agents" (no data) first, then each agent by name with its id as data.
/// The selected agent stays selected when it is still listed; no signal fires for the refill.
void fillAgentCombo(QComboBox *combo, const QList<store::AgentSummary> &agents);

} // namespace lettascope::ui
