// SPDX-License-Identifier: MIT
#include "agentcombo.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace lettascope::ui {

void fillAgentCombo(QComboBox *combo, const QList<store::AgentSummary> &agents)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(QComboBox::tr("All agents"));
    for (const auto &a : agents)
        combo->addItem(a.agent.name.isEmpty() ? a.agent.id : a.agent.name, a.agent.id);
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}

} // namespace lettascope::ui
