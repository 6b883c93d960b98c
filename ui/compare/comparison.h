// SPDX-License-Identifier: MIT
#pragma once

#include "ui/runs/rundetail.h"

#include <QList>
#include <QStringList>

namespace lettascope::ui::compare {

/// One line of a two-run comparison: a label and each side's value; `differs` marks the line.
struct ComparisonLine {
    QString section;
    QString label;
    QString left;
    QString right;
    bool differs = false;
};

/// Summary figures, the tool-call sequences side by side (aligned by position) and message counts by kind.
QList<ComparisonLine> compareRuns(const runs::RunDetail &left, const runs::RunDetail &right);

} // namespace lettascope::ui::compare
