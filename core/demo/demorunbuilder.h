// SPDX-License-Identifier: MIT
#pragma once

#include "demodataset.h"
#include "demorandom.h"

#include <optional>

namespace lettascope::demo {

/// Executes run plans against a dataset: the input message, then one step at a time with its
/// messages, tokens and timings, then the terminal state. The generator replays history with it and
/// live mode drives it from a timer, so both produce the same shapes.
class DemoRunBuilder
{
public:
    DemoRunBuilder(DemoDataset &data, quint64 seed);

    /// A plan for the agent's next run (outcome, number of steps, error signature).
    RunPlan plan(quint16 agent);
    /// Creates the run with its input message at `created` and returns its index.
    quint32 begin(quint16 agent, Micros created, const RunPlan &plan);
    /// Executes the run's next step starting at `start`; returns the time the step ended.
    Micros step(quint32 run, Micros start);
    /// Adds a step that is still waiting for the LLM (status pending; the run stays running).
    quint32 openStep(quint32 run, Micros start);
    /// Lets a pending step's LLM call and tools happen: tokens, timings, messages.
    Micros executeStep(quint32 step, Micros start);
    /// Marks the run terminal at `end` with its planned outcome (or `outcome`) and updates the agent.
    void finish(quint32 run, Micros end, std::optional<StopReason> outcome = std::nullopt);
    /// True when the run's theme has a tool that needs approval and the agent has it attached.
    bool canRequestApproval(quint32 run) { return pickTool(m_data.runs[run], 0, true) >= 0; }
    /// Runs every remaining planned step and finishes; returns the end time.
    Micros complete(quint32 run, Micros start);

private:
    quint32 addMessage(quint32 run, quint32 step, MessageKind kind, Micros time, quint8 flags = 0);
    quint8 reasoningFlags(const StepRec &step);
    int pickTool(const RunRec &run, int offset, bool needsApproval);
    void fillTokens(StepRec &step, const RunRec &run, bool finalAnswer);
    void answerApproval(quint32 run, quint32 step, Micros &time);
    void addCompaction(quint32 run, quint32 step, Micros &time);
    Micros addToolCall(quint32 run, quint32 step, Micros time, bool withReturn, bool lastStep);
    void markFailed(StepRec &step, const RunRec &run);

    DemoDataset &m_data;
    DemoRandom m_rng;
};

} // namespace lettascope::demo
