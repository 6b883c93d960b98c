// SPDX-License-Identifier: MIT
#pragma once

#include "common/tablerow.h"
#include "store/queries/runqueries.h"

#include <QStringList>

namespace lettascope::ui::runs {

enum Column { Status, Agent, Created, Duration, Steps, Tokens, StopReason, Tools, RunId, ColumnCount };

QStringList headers();
/// The cache sort for a column (every column sorts in SQL, over the whole result, not the loaded window).
store::RunQuery::Sort sortFor(int column);

/// A run as a row. `stuckAfterMs`: a running run with no activity for longer is marked stuck.
TableRow runRow(const store::RunSummary &run, qint64 nowMs, qint64 stuckAfterMs);

} // namespace lettascope::ui::runs

Q_DECLARE_METATYPE(lettascope::store::RunSummary)
