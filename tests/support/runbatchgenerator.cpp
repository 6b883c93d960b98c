// SPDX-License-Identifier: MIT
#include "runbatchgenerator.h"

#include "entityfactory.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace lettascope;

namespace testsupport {

store::WriteBatch generateRunBatch(const RunBatchSpec &spec)
{
    static const QStringList tools{u"web_search"_s, u"fetch_url"_s, u"run_code"_s, u"send_message"_s,
                                   u"memory_insert"_s, u"archival_search"_s};
    static const QStringList errors{u"Timeout after %1 s calling https://api.example.com/q/%2"_s,
                                    u"File /srv/data/%2/input.csv not found (errno %1)"_s,
                                    u"Rate limited: retry in %1 seconds (request %2)"_s};
    QRandomGenerator random(spec.seed + quint32(spec.firstRun));
    store::WriteBatch batch;
    for (int a = 0; a < spec.agents; ++a)
        batch.agents << makeAgent(u"agent-%1"_s.arg(a), u"Agent %1"_s.arg(a));
    for (int i = spec.firstRun; i < spec.firstRun + spec.runs; ++i) {
        const QString runId = u"run-%1"_s.arg(i);
        const int roll = int(random.bounded(100));
        const RunStatus status = roll < 70 ? RunStatus::Completed
            : roll < 88                    ? RunStatus::Failed
            : roll < 95                    ? RunStatus::Cancelled
                                           : RunStatus::Running;
        const qint64 created = spec.startMs + qint64(i - spec.firstRun) * spec.spacingMs;
        Run run = makeRun(runId, u"agent-%1"_s.arg(int(random.bounded(spec.agents))), status, created,
                          status == RunStatus::Failed ? u"error"_s : u"end_turn"_s);
        if (isTerminal(status))
            run.totalDurationNs = qint64(random.bounded(200, 60'000)) * 1'000'000;
        if (status == RunStatus::Failed)
            run.errorText = errors[random.bounded(errors.size())].arg(random.bounded(100)).arg(random.bounded(100000));
        batch.runs << run;
        const int steps = int(random.bounded(1, 5));
        for (int s = 0; s < steps; ++s) {
            const QString stepId = u"%1-step-%2"_s.arg(runId).arg(s);
            Step step = makeStep(stepId, runId, random.bounded(500, 8000), random.bounded(20, 800));
            step.ordinal = s;
            if (random.bounded(4) != 0) {
                StepMetrics metrics;
                metrics.toolExecutionNs = qint64(random.bounded(1, 3000)) * 1'000'000;
                metrics.raw = {{u"tool_execution_ns"_s, double(*metrics.toolExecutionNs)}};
                step.metrics = metrics;
            }
            batch.steps << step;
            const qint64 at = created + s * 1000;
            Message call = makeToolCall(stepId + u"-call"_s, runId, tools[random.bounded(tools.size())], u"{}"_s, at);
            call.stepId = stepId;
            const bool failedCall = random.bounded(10) == 0 || (status == RunStatus::Failed && s == steps - 1);
            Message ret = makeToolReturn(stepId + u"-ret"_s, runId, failedCall ? u"error"_s : u"success"_s,
                                         failedCall ? errors[random.bounded(errors.size())].arg(s).arg(i) : u"ok"_s, at + 1);
            ret.toolReturns[0].toolCallId = call.toolCalls[0].id;
            ret.stepId = stepId;
            batch.messages << call << ret;
        }
    }
    return batch;
}

} // namespace testsupport
