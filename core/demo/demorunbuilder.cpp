// SPDX-License-Identifier: MIT
#include "demorunbuilder.h"

#include "demoarchetypes.h"
#include "democatalog.h"
#include "demoerrors.h"
#include "demothemes.h"

#include <QtGlobal>

#include <cstring>

namespace lettascope::demo {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;

bool isLlmFailure(StopReason reason)
{
    return reason == StopReason::LlmApiError || reason == StopReason::InvalidLlmResponse
        || reason == StopReason::ContextWindowOverflow || reason == StopReason::InsufficientCredits
        || reason == StopReason::MaxTokensExceeded || reason == StopReason::NoToolCall;
}

bool hasOutput(const ToolSpec &tool)
{
    return std::strcmp(tool.name, "run_code") == 0 || std::strcmp(tool.name, "run_tests") == 0;
}

} // namespace

DemoRunBuilder::DemoRunBuilder(DemoDataset &data, quint64 seed) : m_data(data), m_rng(seed) { }

RunPlan DemoRunBuilder::plan(quint16 agentIndex)
{
    const AgentRec &agent = m_data.agents[agentIndex];
    RunPlan plan;
    plan.approvalContinuation = agent.pendingApproval != kNone;
    static constexpr int weights[] = {70, 5, 3, 2, 5, 15};
    switch (m_rng.weighted(weights)) {
    case 0: plan.outcome = StopReason::EndTurn; break;
    case 1: plan.outcome = plan.approvalContinuation ? StopReason::EndTurn : StopReason::RequiresApproval; break;
    case 2: plan.outcome = StopReason::MaxSteps; break;
    case 3: plan.outcome = StopReason::ToolRule; break;
    case 4: plan.outcome = StopReason::Cancelled; break;
    default: {
        const auto signatures = errorSignatures();
        plan.errorSignature = quint8(m_rng.below(quint32(signatures.size())));
        plan.outcome = signatures[plan.errorSignature].stopReason;
    }
    }
    // Geometric around the configured average, plus a few long conversations (40+ messages).
    const int average = qMax(1, m_data.config.stepsPerRun);
    int steps = 1;
    if (m_rng.chance(0.05)) {
        steps = m_rng.range(qMax(12, 2 * average), qMax(18, 3 * average));
    } else {
        const double keepGoing = 1.0 - 1.0 / qMax(1.0, average * 0.85);
        while (steps < 4 * average && m_rng.chance(keepGoing))
            ++steps;
    }
    if (plan.outcome == StopReason::MaxSteps)
        steps = qMax(steps, qMin(2 * average, 12));
    plan.steps = quint8(qBound(1, steps, 60));
    return plan;
}

quint32 DemoRunBuilder::begin(quint16 agentIndex, Micros created, const RunPlan &plan)
{
    AgentRec &agent = m_data.agents[agentIndex];
    RunRec run;
    run.created = created;
    run.seed = m_rng.next32();
    run.agent = agentIndex;
    run.plan = plan;
    const bool sleeptime = std::strcmp(agent.agentType, "sleeptime_agent") == 0;
    run.background = sleeptime || m_rng.chance(0.15);
    run.runType = sleeptime ? RunType::SleeptimeAsync : run.background ? RunType::SendMessageAsync : RunType::SendMessage;
    run.storesDuration = m_rng.chance(0.8);
    run.traced = m_rng.chance(0.9);
    if (plan.approvalContinuation && agent.pendingApproval != kNone) {
        const RunRec &previous = m_data.runs[m_data.messages[agent.pendingApproval].run];
        run.theme = previous.theme;
        run.task = previous.task;
        run.subject = previous.subject;
    } else {
        run.plan.approvalContinuation = false;
        const bool second = agent.themes[1] >= 0 && m_rng.chance(0.25);
        run.theme = quint8(agent.themes[second ? 1 : 0]);
        const ThemeSpec &theme = themes()[run.theme];
        run.task = quint8(m_rng.below(quint32(theme.tasks.size())));
        run.subject = quint8(m_rng.below(quint32(theme.subjects.size())));
    }
    const auto index = quint32(m_data.runs.size());
    m_data.runs.push_back(std::move(run));
    if (m_data.runs[index].plan.outcome == StopReason::RequiresApproval && pickTool(m_data.runs[index], 0, true) < 0)
        m_data.runs[index].plan.outcome = StopReason::EndTurn;

    const quint8 stepless = m_rng.chance(0.4) ? MessageFlag::NoStep : 0;
    if (m_data.runs[index].plan.approvalContinuation) {
        const quint8 denied = m_rng.chance(0.25) ? MessageFlag::Denied : 0;
        const quint32 response = addMessage(index, kNone, MessageKind::ApprovalResponse, created, denied | stepless);
        m_data.messages[response].linked = agent.pendingApproval;
        m_data.messages[response].tools[0] = m_data.messages[agent.pendingApproval].tools[0];
        m_data.messages[response].calls = 1;
        agent.pendingApproval = kNone;
    } else {
        const bool parts = !packagesUserJson(agent.agentType) && m_rng.chance(0.15);
        addMessage(index, kNone, MessageKind::User, created, stepless | (parts ? MessageFlag::ContentParts : 0));
    }
    return index;
}

quint32 DemoRunBuilder::addMessage(quint32 run, quint32 step, MessageKind kind, Micros time, quint8 flags)
{
    const RunRec &owner = m_data.runs[run];
    MessageRec message;
    message.time = owner.messages.empty() ? time : qMax(time, m_data.messages[owner.messages.back()].time + 1);
    message.run = run;
    message.step = step;
    message.seed = m_rng.next32();
    message.agent = owner.agent;
    message.kind = kind;
    message.flags = flags;
    message.ordinal = step == kNone ? 0 : m_data.steps[step].ordinal;
    return m_data.appendMessage(message);
}

int DemoRunBuilder::pickTool(const RunRec &run, int offset, bool needsApproval)
{
    const AgentRec &agent = m_data.agents[run.agent];
    const ThemeSpec &theme = themes()[run.theme];
    int candidates[8];
    int count = 0;
    for (const char *name : theme.tools) {
        const int index = toolIndex(name);
        if (index < 0 || tools()[index].requiresApproval != needsApproval || count == 8)
            continue;
        for (quint16 attached : agent.tools) {
            if (m_data.tools[attached].catalog == index)
                candidates[count++] = index;
        }
    }
    if (count == 0)
        return needsApproval ? -1 : toolIndex("conversation_search");
    return candidates[(offset + int(m_rng.below(2))) % count];
}

quint8 DemoRunBuilder::reasoningFlags(const StepRec &step)
{
    const ModelSpec &model = models()[step.model];
    if (model.reasoner) {
        if (std::strcmp(model.providerType, "anthropic") == 0 && m_rng.chance(0.12))
            return MessageFlag::HiddenReasoning;
        return MessageFlag::Reasoning | MessageFlag::ReasonerSource;
    }
    return m_rng.chance(0.8) ? MessageFlag::Reasoning : 0;
}

void DemoRunBuilder::fillTokens(StepRec &step, const RunRec &run, bool finalAnswer)
{
    const ModelSpec &model = models()[step.model];
    const AgentRec &agent = m_data.agents[run.agent];
    const int prompt = 1600 + int(agent.system.size() / 4) + 420 * step.ordinal + m_rng.range(0, 700);
    step.promptTokens = qMin(prompt, model.contextWindow * 9 / 10);
    step.completionTokens = finalAnswer ? m_rng.range(60, 650) : m_rng.range(25, 240);
    if (model.reportsReasoning) {
        step.reasoningTokens = model.reasoner ? m_rng.range(60, 1600) : 0;
        step.completionTokens += step.reasoningTokens;
    }
    if (model.reportsCache) {
        step.cachedTokens = step.ordinal == 0 ? m_rng.range(0, step.promptTokens / 4)
                                              : step.promptTokens * m_rng.range(50, 90) / 100;
    }
    if (std::strcmp(model.providerType, "anthropic") == 0)
        step.cacheWriteTokens = step.ordinal == 0 ? step.promptTokens * 7 / 10 : m_rng.range(200, 900);
}

void DemoRunBuilder::markFailed(StepRec &step, const RunRec &run)
{
    step.state = StepState::Failed;
    step.errorSignature = run.plan.errorSignature;
}

void DemoRunBuilder::answerApproval(quint32 run, quint32 step, Micros &time)
{
    const quint32 response = m_data.runs[run].messages.front();
    const MessageRec request = m_data.messages[m_data.messages[response].linked];
    const bool denied = m_data.messages[response].flags & MessageFlag::Denied;
    const qint64 toolNs = denied ? 0 : qint64(m_rng.skewed(40, 2500) * kNsPerMs) + m_rng.range(0, 999'999);
    time += toolNs / 1000 + 1;
    const quint8 flags = denied ? (MessageFlag::ToolError | MessageFlag::Denied) : 0;
    const quint32 result = addMessage(run, step, MessageKind::ToolReturn, time, flags);
    m_data.messages[result].linked = m_data.messages[response].linked;
    m_data.messages[result].tools[0] = request.tools[0];
    m_data.messages[result].calls = 1;
    m_data.steps[step].toolNs = toolNs;
}

void DemoRunBuilder::addCompaction(quint32 run, quint32 step, Micros &time)
{
    addMessage(run, step, MessageKind::Event, time);
    time += m_rng.range(800, 4000) * 1000;
    addMessage(run, step, MessageKind::Summary, time);
    time += 1000;
}

Micros DemoRunBuilder::addToolCall(quint32 run, quint32 step, Micros time, bool withReturn, bool lastStep)
{
    const RunRec &owner = m_data.runs[run];
    const auto &previous = m_data.messages[owner.messages.back()];
    const bool recovering = previous.kind == MessageKind::ToolReturn && (previous.flags & MessageFlag::ToolError);
    const quint32 call = addMessage(run, step, MessageKind::ToolCall, time, reasoningFlags(m_data.steps[step]));
    MessageRec &message = m_data.messages[call];
    message.calls = quint8(!lastStep && m_rng.chance(0.12) ? m_rng.range(2, 3) : 1);
    for (int i = 0; i < message.calls; ++i)
        message.tools[i] = quint8(pickTool(owner, m_data.steps[step].ordinal + i, false));
    if (recovering) {
        message.flags |= MessageFlag::Reasoning;
        message.variant = 1;
    }
    if (!withReturn)
        return time + 1000;

    const ToolSpec &tool = tools()[message.tools[0]];
    qint64 toolNs = qint64(m_rng.skewed(15, 4000) * kNsPerMs) + m_rng.range(0, 999'999);
    if (m_rng.chance(0.02))
        toolNs = m_rng.range64(20'000 * kNsPerMs, 90'000 * kNsPerMs);
    quint8 flags = 0;
    if (*tool.failure && m_rng.chance(0.09))
        flags |= MessageFlag::ToolError;
    if (hasOutput(tool) || m_rng.chance(0.1))
        flags |= MessageFlag::Output;
    const Micros returned = time + toolNs / 1000;
    const quint32 result = addMessage(run, step, MessageKind::ToolReturn, returned, flags);
    const MessageRec &callMessage = m_data.messages[call];
    MessageRec &resultMessage = m_data.messages[result];
    resultMessage.linked = call;
    resultMessage.calls = callMessage.calls;
    std::memcpy(resultMessage.tools, callMessage.tools, sizeof resultMessage.tools);
    m_data.steps[step].toolNs = toolNs;
    if (packagesUserJson(m_data.agents[owner.agent].agentType))
        addMessage(run, step, MessageKind::Heartbeat, returned + 1000);
    return returned + 2000;
}

quint32 DemoRunBuilder::openStep(quint32 runIndex, Micros start)
{
    RunRec &run = m_data.runs[runIndex];
    const AgentRec &agent = m_data.agents[run.agent];
    run.state = RunState::Running;
    StepRec record;
    record.start = start;
    record.run = runIndex;
    record.agent = run.agent;
    record.ordinal = quint8(qMin<size_t>(run.steps.size(), 255));
    record.seed = m_rng.next32();
    record.model = quint8(agent.altModel >= 0 && m_rng.chance(0.25) ? agent.altModel : agent.model);
    record.llmDelayNs = m_rng.range64(3 * kNsPerMs, 40 * kNsPerMs);
    const quint32 stepIndex = m_data.appendStep(record);
    if (record.ordinal == 0) {
        for (quint32 input : run.messages) {
            if (!(m_data.messages[input].flags & MessageFlag::NoStep))
                m_data.messages[input].step = stepIndex;
        }
    }
    return stepIndex;
}

Micros DemoRunBuilder::step(quint32 run, Micros start)
{
    return executeStep(openStep(run, start), start);
}

Micros DemoRunBuilder::executeStep(quint32 stepIndex, Micros start)
{
    const quint32 runIndex = m_data.steps[stepIndex].run;
    RunRec &run = m_data.runs[runIndex];
    const int ordinal = m_data.steps[stepIndex].ordinal;
    const bool last = ordinal + 1 >= run.plan.steps;
    const StopReason outcome = run.plan.outcome;

    Micros time = start;
    if (ordinal == 0 && run.plan.approvalContinuation)
        answerApproval(runIndex, stepIndex, time);
    if (run.plan.steps >= 10 && ordinal == run.plan.steps / 2)
        addCompaction(runIndex, stepIndex, time);

    StepRec &step = m_data.steps[stepIndex];
    const ModelSpec &model = models()[step.model];
    const bool llmFailed = last && isLlmFailure(outcome);
    if (!llmFailed || outcome == StopReason::MaxTokensExceeded)
        fillTokens(step, run, last && outcome == StopReason::EndTurn);
    if (outcome == StopReason::MaxTokensExceeded && last)
        step.completionTokens = qMin(model.maxTokens, 4096);
    const double jitter = 0.7 + m_rng.unit() * 0.9;
    const qint64 generated = llmFailed && outcome != StopReason::MaxTokensExceeded ? 0 : step.completionTokens;
    step.llmNs = qint64((model.firstTokenMs + generated * 1000.0 / model.tokensPerSecond) * jitter * kNsPerMs)
        + m_rng.range(0, 999'999);
    const Micros llmEnd = time + (step.llmDelayNs + step.llmNs) / 1000;

    Micros end = llmEnd + 1000;
    if (!last) {
        end = addToolCall(runIndex, stepIndex, llmEnd, true, false);
    } else if (llmFailed) {
        markFailed(step, run);
    } else {
        switch (outcome) {
        case StopReason::EndTurn: addMessage(runIndex, stepIndex, MessageKind::Reply, llmEnd, reasoningFlags(step)); break;
        case StopReason::RequiresApproval: {
            const quint8 source = models()[step.model].reasoner ? MessageFlag::ReasonerSource : 0;
            const quint32 request = addMessage(runIndex, stepIndex, MessageKind::ApprovalRequest, llmEnd,
                                               MessageFlag::Reasoning | source);
            m_data.messages[request].tools[0] = quint8(pickTool(run, 0, true));
            m_data.messages[request].calls = 1;
            m_data.agents[run.agent].pendingApproval = request;
            break;
        }
        case StopReason::Cancelled:
            end = addToolCall(runIndex, stepIndex, llmEnd, false, true);
            step.state = StepState::Cancelled;
            break;
        case StopReason::Error:
            end = addToolCall(runIndex, stepIndex, llmEnd, true, true);
            for (auto it = run.messages.rbegin(); it != run.messages.rend(); ++it) {
                if (m_data.messages[*it].kind == MessageKind::ToolReturn) {
                    m_data.messages[*it].flags |= MessageFlag::ToolError;
                    break;
                }
            }
            markFailed(step, run);
            break;
        case StopReason::InvalidToolCall:
            end = addToolCall(runIndex, stepIndex, llmEnd, false, true);
            markFailed(step, run);
            break;
        default: end = addToolCall(runIndex, stepIndex, llmEnd, true, true); break;
        }
    }
    step.stepNs = (end - start) * 1000;
    if (last)
        step.stopReason = outcome;
    if (step.state == StepState::Pending)
        step.state = StepState::Success;
    step.providerTrace = step.state == StepState::Success && m_rng.chance(0.35);
    if (last && outcome == StopReason::EndTurn) {
        const double roll = m_rng.unit();
        step.feedback = roll < 0.03 ? 1 : roll < 0.045 ? 2 : 0;
    }
    return end;
}

void DemoRunBuilder::finish(quint32 runIndex, Micros end, std::optional<StopReason> outcome)
{
    RunRec &run = m_data.runs[runIndex];
    const StopReason reason = outcome.value_or(run.plan.outcome);
    run.stopReason = reason;
    run.state = runStateFor(reason);
    run.completed = qMax(end, run.created + 1);
    run.durationNs = (run.completed - run.created) * 1000;
    if (!run.steps.empty()) {
        const StepRec &first = m_data.steps[run.steps.front()];
        const qint64 firstToken = qint64(models()[first.model].firstTokenMs) * kNsPerMs;
        run.ttftNs = (first.start - run.created) * 1000 + first.llmDelayNs
            + (first.llmNs < 0 ? firstToken : qMin(first.llmNs, firstToken));
        StepRec &lastStep = m_data.steps[run.steps.back()];
        if (lastStep.state == StepState::Pending) {
            lastStep.state = run.state == RunState::Cancelled ? StepState::Cancelled : StepState::Failed;
            lastStep.stopReason = reason;
            lastStep.stepNs = (run.completed - lastStep.start) * 1000;
        }
    }
    AgentRec &agent = m_data.agents[run.agent];
    if (run.completed >= agent.lastRunCompletion) {
        agent.lastRunCompletion = run.completed;
        agent.lastRunDurationMs = run.durationNs / kNsPerMs;
        agent.lastStopReason = reason;
    }
}

Micros DemoRunBuilder::complete(quint32 run, Micros start)
{
    Micros time = start;
    while (int(m_data.runs[run].steps.size()) < m_data.runs[run].plan.steps)
        time = step(run, time) + m_rng.range(40, 400) * 1000;
    finish(run, time);
    return time;
}

} // namespace lettascope::demo
