// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"
#include "store/writebatch.h"

namespace testsupport {

/// A run with its steps and messages, as a sync would cache it.
struct ScenarioRun {
    lettascope::Run run;
    QList<lettascope::Step> steps;
    QList<lettascope::Message> messages;
};

/// Kinds of run the scenarios cycle through (index % ScenarioKindCount).
enum class ScenarioKind { ToolSuccess, ToolErrorRecovered, ToolErrorFailed, Cancelled, MaxTokens, LongChat, ScenarioKindCount };

/// A deterministic, realistic run: a topic (weather, a bug fix, a story, data analysis, memory, search),
/// one to many steps, reasoning, tool calls with returns whose status says success or error.
ScenarioRun scenarioRun(int index, const QString &agentId, qint64 createdMs, ScenarioKind kind);
inline ScenarioRun scenarioRun(int index, const QString &agentId, qint64 createdMs)
{
    return scenarioRun(index, agentId, createdMs, ScenarioKind(index % int(ScenarioKind::ScenarioKindCount)));
}

/// `count` scenario runs from `from` on, spread over `agentCount` agents ("agent-0", "agent-1", …), one every
/// `spacingMs` from `startMs` (1 January 2026 by default): a cache of mixed outcomes in one call.
QList<ScenarioRun> scenarioRuns(int from, int count, int agentCount = 1, qint64 startMs = 1'767'225'600'000,
                                qint64 spacingMs = 60'000);

/// The agents and runs as one write batch.
lettascope::store::WriteBatch batchOf(const QList<ScenarioRun> &runs, const QList<lettascope::Agent> &agents = {});

} // namespace testsupport
