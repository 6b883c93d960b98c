// SPDX-License-Identifier: MIT
#include "runscenarios.h"

#include "entityfactory.h"

using namespace Qt::StringLiterals;
using namespace lettascope;

namespace testsupport {

namespace {

struct Topic {
    const char16_t *request;
    const char16_t *tool;
    const char16_t *arguments;
    const char16_t *result;
    const char16_t *error;
    const char16_t *answer;
};

constexpr Topic kTopics[] = {
    {u"What's the weather in Paris tomorrow?", u"get_weather", u"{\"city\":\"Paris\"}", u"Sunny, 21C",
     u"Timeout contacting weather service", u"Tomorrow Paris will be sunny at 21C."},
    {u"Fix the null pointer bug in parser.cpp", u"run_code", u"{\"file\":\"parser.cpp\"}", u"All tests pass",
     u"Traceback: segmentation fault in parse()", u"The parser now checks for null before dereferencing."},
    {u"Write a short story about a lighthouse keeper", u"archival_memory_search", u"{\"query\":\"lighthouse\"}",
     u"Found 2 notes about lighthouses", u"Permission denied reading archive", u"Once upon a time, a keeper..."},
    {u"Analyze the sales CSV and chart monthly revenue", u"query_database", u"{\"sql\":\"select month, sum(total)\"}",
     u"12 rows", u"Validation error: unknown column total", u"Revenue grew 12% month over month."},
    {u"Search the web for the latest Qt release notes", u"web_search", u"{\"q\":\"Qt 6.8 release notes\"}",
     u"Qt 6.8 adds ...", u"Not found: no results for query", u"Qt 6.8 was released with these changes..."},
    {u"Remember that my favourite colour is green", u"core_memory_append", u"{\"label\":\"human\"}", u"OK",
     u"Error: memory block is full", u"Noted, green it is."},
};
constexpr int kTopicCount = int(std::size(kTopics));

QString str(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

ScenarioRun scenarioRun(int index, const QString &agentId, qint64 createdMs, ScenarioKind kind)
{
    const Topic &topic = kTopics[(index / int(ScenarioKind::ScenarioKindCount)) % kTopicCount];
    const QString runId = u"run-%1"_s.arg(index, 6, 10, QLatin1Char('0'));
    ScenarioRun s;
    RunStatus status = RunStatus::Completed;
    QString stop = u"end_turn"_s;
    if (kind == ScenarioKind::ToolErrorFailed) {
        status = RunStatus::Failed;
        stop = u"error"_s;
    } else if (kind == ScenarioKind::Cancelled) {
        status = RunStatus::Cancelled;
        stop = u"cancelled"_s;
    } else if (kind == ScenarioKind::MaxTokens) {
        stop = u"max_tokens"_s;
    }
    s.run = makeRun(runId, agentId, status, createdMs, stop);
    if (status == RunStatus::Failed)
        s.run.errorText = str(topic.error);
    qint64 t = createdMs;
    int stepNo = 0;
    auto step = [&]() {
        const QString id = runId + u"-s%1"_s.arg(stepNo);
        Step st = makeStep(id, runId, 800 + 37 * (index % 11) + 100 * stepNo, 60 + 7 * stepNo);
        st.ordinal = stepNo++;
        s.steps << st;
        return id;
    };
    auto add = [&](Message m, const QString &stepId) {
        m.stepId = stepId;
        m.sequence = s.messages.size();
        s.messages << m;
    };
    const int userTurns = kind == ScenarioKind::LongChat ? 5 : 1;
    for (int u = 0; u < userTurns; ++u) {
        const QString request = u == 0 ? str(topic.request) : u"And a follow-up question %1 about it"_s.arg(u);
        add(makeText(runId + u"-u%1"_s.arg(u), u"user_message"_s, runId, request, t += 10), QString());
        const QString stepId = step();
        const QString assistantId = runId + u"-a%1"_s.arg(u);
        add(makeText(assistantId, u"reasoning_message"_s, runId, u"I should use "_s + str(topic.tool), t += 10, u"r"_s), stepId);
        if (kind != ScenarioKind::LongChat || u == 0) {
            Message call = makeToolCall(assistantId, runId, str(topic.tool), str(topic.arguments), t += 10, u"c"_s);
            call.toolCalls[0].id = assistantId + u"-call"_s;
            add(call, stepId);
            const bool fails = kind == ScenarioKind::ToolErrorRecovered || kind == ScenarioKind::ToolErrorFailed;
            Message ret = makeToolReturn(runId + u"-t%1"_s.arg(u), runId, fails ? u"error"_s : u"success"_s,
                                         str(fails ? topic.error : topic.result), t += 10);
            ret.toolReturns[0].toolCallId = assistantId + u"-call"_s;
            add(ret, stepId);
            if (kind == ScenarioKind::ToolErrorRecovered) {
                const QString retryStep = step();
                Message again = makeToolCall(assistantId + u"-retry"_s, runId, str(topic.tool), str(topic.arguments), t += 10);
                again.toolCalls[0].id = assistantId + u"-call2"_s;
                add(again, retryStep);
                Message ok = makeToolReturn(runId + u"-t%1b"_s.arg(u), runId, u"success"_s, str(topic.result), t += 10);
                ok.toolReturns[0].toolCallId = assistantId + u"-call2"_s;
                add(ok, retryStep);
            }
        }
        if (kind == ScenarioKind::ToolErrorFailed || kind == ScenarioKind::Cancelled)
            break;
        const QString answerStep = step();
        add(makeText(runId + u"-f%1"_s.arg(u), u"assistant_message"_s, runId, str(topic.answer), t += 10), answerStep);
    }
    s.run.completedMs = t + 5;
    return s;
}

store::WriteBatch batchOf(const QList<ScenarioRun> &runs, const QList<Agent> &agents)
{
    store::WriteBatch batch;
    batch.agents = agents;
    for (const ScenarioRun &s : runs) {
        batch.runs << s.run;
        batch.steps << s.steps;
        batch.messages << s.messages;
    }
    return batch;
}

QList<ScenarioRun> scenarioRuns(int from, int count, int agentCount, qint64 startMs, qint64 spacingMs)
{
    QList<ScenarioRun> runs;
    runs.reserve(count);
    for (int i = from; i < from + count; ++i)
        runs << scenarioRun(i, u"agent-%1"_s.arg(i % std::max(1, agentCount)), startMs + qint64(i) * spacingMs);
    return runs;
}

} // namespace testsupport
