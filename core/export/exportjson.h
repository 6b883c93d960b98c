// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"
#include "store/queries/catalogqueries.h"
#include "store/queries/runqueries.h"
#include "store/queries/searchqueries.h"

#include <QJsonObject>

namespace lettascope::exports {

// The stable, documented JSON shapes of `lettascope-cli --json` and of exports. Field names follow
// Letta's snake_case; times are ISO-8601 UTC; values a source did not report are JSON null, never 0.

QJsonObject exportRun(const store::RunSummary &run);
QJsonObject exportAgent(const store::AgentSummary &agent);
QJsonObject exportStep(const Step &step);
QJsonObject exportMessage(const Message &message);
QJsonObject exportJob(const Job &job);
QJsonObject exportSearchHit(const store::MessageSearchHit &hit);

/// Column order for CSV exports of runs (the same keys as exportRun, flattened).
QStringList runCsvColumns();

} // namespace lettascope::exports
