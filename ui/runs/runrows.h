// SPDX-License-Identifier: MIT
#pragma once

#include "store/queries/runqueries.h"
#include "ui/common/listloader.h"
#include "ui/common/tablerow.h"

#include <QStringList>

namespace lettascope::ui::runs {

enum Column { Status, Agent, Created, Duration, Steps, Tokens, StopReason, Tools, RunId, ColumnCount };

QStringList headers();
/// The cache sort for a column (every column sorts in SQL, over the whole result, not the loaded window).
store::RunQuery::Sort sortFor(int column);

/// A run as a row. `stuckAfterMs`: a running run with no activity for longer is marked stuck.
TableRow runRow(const store::RunSummary &run, qint64 nowMs, qint64 stuckAfterMs);

/// Windows of `query` as rows, with the total from a count query; runs on the reader thread.
ListLoader::Fetch runsFetch(const store::RunQuery &query, qint64 stuckAfterMs);

} // namespace lettascope::ui::runs

Q_DECLARE_METATYPE(lettascope::store::RunSummary)
