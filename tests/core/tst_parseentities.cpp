// SPDX-License-Identifier: MIT
// Agents, runs, steps, metrics, jobs, resources and health answers from both API generations,
// plus pages that contain bad elements. moc does not understand raw strings: JSON in them keeps
// braces balanced and writes "//" as "\/\/".
#include "letta/parsepage.h"
#include "letta/parsers.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::letta;

Q_DECLARE_METATYPE(lettascope::ResourceKind)
Q_DECLARE_METATYPE(lettascope::RunStatus)

namespace {
QJsonValue parse(const QByteArray &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}
} // namespace

class TestParseEntities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agentCurrentShape()
    {
        const auto agent = parseAgent(parse(R"({
            "id":"agent-1","name":"helper","description":"d","agent_type":"letta_v1_agent","system":"You are…",
            "model":"openai/gpt-4o-mini","embedding":"openai/text-embedding-3-small",
            "llm_config":{"model":"gpt-4o-mini","handle":"openai/gpt-4o-mini","context_window":128000},
            "blocks":[{"id":"block-1","label":"human","value":"Sarah","limit":5000}],
            "tools":[{"id":"tool-1","name":"web_search","tool_type":"letta_builtin","description":"search"}],
            "tags":["prod","team:a"],"identities":[{"id":"identity-1","name":"x"}],
            "created_at":"2025-10-03T19:34:56.123456Z","last_run_completion":"2025-10-03T19:35:00Z",
            "last_run_duration_ms":4000,"last_stop_reason":"end_turn"})"));
        QVERIFY(agent.ok());
        QCOMPARE(agent->id, u"agent-1"_s);
        QCOMPARE(agent->model, u"openai/gpt-4o-mini"_s);
        QCOMPARE(agent->embeddingModel, u"openai/text-embedding-3-small"_s);
        QCOMPARE(agent->blocks.size(), 1);
        QCOMPARE(agent->blocks[0].label, u"human"_s);
        QCOMPARE(agent->blocks[0].limit.value_or(0), 5000);
        QCOMPARE(agent->tools.value(0).name, u"web_search"_s);
        QCOMPARE(agent->tags, (QStringList{u"prod"_s, u"team:a"_s}));
        QCOMPARE(agent->identityIds, QStringList{u"identity-1"_s});
        QCOMPARE(agent->createdMs.value_or(0), 1759520096123LL);
        QCOMPARE(agent->lastRunDurationMs.value_or(0), 4000);
        QCOMPARE(agent->lastStopReason, u"end_turn"_s);
        QCOMPARE(agent->llmConfig.value(u"context_window").toInt(), 128000);
    }

    void agentLegacyShape()
    {
        // 0.x: no model handle, memory.blocks instead of blocks, tags as objects, identity_ids.
        const auto agent = parseAgent(parse(R"({
            "id":"agent-2","name":"old","llm_config":{"model":"gpt-4-0613"},
            "embedding_config":{"embedding_model":"text-embedding-ada-002"},
            "memory":{"blocks":[{"id":"block-9","label":"persona","value":"p"}]},
            "blocks":[],"tools":null,"tags":[{"tag":"legacy"}],"identity_ids":["identity-2"]})"));
        QVERIFY(agent.ok());
        QCOMPARE(agent->model, u"gpt-4-0613"_s);
        QCOMPARE(agent->embeddingModel, u"text-embedding-ada-002"_s);
        QCOMPARE(agent->blocks.value(0).label, u"persona"_s);
        QVERIFY(agent->tools.isEmpty());
        QCOMPARE(agent->tags, QStringList{u"legacy"_s});
        QCOMPARE(agent->identityIds, QStringList{u"identity-2"_s});
    }

    void runBothGenerations_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("agentId");
        QTest::addColumn<RunStatus>("status");
        QTest::addColumn<QString>("runType");
        QTest::addColumn<QString>("errorText");
        QTest::addColumn<bool>("background");
        QTest::addColumn<qint64>("completedMs");
        QTest::addRow("1.x") << R"({"id":"run-1","status":"completed","agent_id":"agent-1","stop_reason":"end_turn","background":true,"created_at":"2025-10-03T19:34:56Z","completed_at":"2025-10-03T19:35:01.5","metadata":{"run_type":"send_message"},"total_duration_ns":4444000000,"ttft_ns":812000000})"_ba
                             << u"agent-1"_s << RunStatus::Completed << u"send_message"_s << QString() << true << 1759520101500LL;
        QTest::addRow("0.x job row") << R"({"id":"run-2","status":"pending","job_type":"run","metadata":{"agent_id":"agent-7","job_type":"send_message","background":true},"completed_at":null})"_ba
                                     << u"agent-7"_s << RunStatus::Created << u"send_message"_s << QString() << true << -1LL;
        QTest::addRow("failed with string error") << R"({"id":"run-3","status":"failed","agent_id":"a","metadata":{"error":"LLM timeout"}})"_ba
                                                  << u"a"_s << RunStatus::Failed << QString() << u"LLM timeout"_s << false << -1LL;
        QTest::addRow("failed with object error") << R"({"id":"run-4","status":"failed","agent_id":"a","metadata":{"error":{"type":"llm_error","message":"rate limited"}}})"_ba
                                                  << u"a"_s << RunStatus::Failed << QString() << u"llm_error: rate limited"_s << false << -1LL;
        QTest::addRow("0.x expired") << R"({"id":"run-5","status":"expired","metadata":{"agent_id":"b"}})"_ba
                                     << u"b"_s << RunStatus::Failed << QString() << QString() << false << -1LL;
        QTest::addRow("wrong types") << R"({"id":"run-6","status":7,"agent_id":null,"background":"true","created_at":17,"metadata":"x","ttft_ns":"12"})"_ba
                                     << QString() << RunStatus::Unknown << QString() << QString() << true << -1LL;
    }
    void runBothGenerations()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, agentId);
        QFETCH(RunStatus, status);
        QFETCH(QString, runType);
        QFETCH(QString, errorText);
        QFETCH(bool, background);
        QFETCH(qint64, completedMs);
        const auto run = parseRun(parse(json));
        QVERIFY(run.ok());
        QCOMPARE(run->agentId, agentId);
        QCOMPARE(run->status, status);
        QCOMPARE(run->runType, runType);
        QCOMPARE(run->errorText, errorText);
        QCOMPARE(run->background, background);
        QCOMPARE(run->completedMs.value_or(-1), completedMs);
        QCOMPARE(run->raw, parse(json).toObject());
    }

    void runDurations()
    {
        const auto run = parseRun(parse(R"({"id":"run-1","total_duration_ns":4444000000,"ttft_ns":"812000000","stop_reason":"max_steps"})"));
        QCOMPARE(run->totalDurationNs.value_or(0), 4444000000LL);
        QCOMPARE(run->ttftNs.value_or(0), 812000000LL);
        QCOMPARE(run->stopReason, u"max_steps"_s);
        QVERIFY(!run->createdMs.has_value());
    }

    void stepCurrentAndLegacy()
    {
        const auto step = parseStep(parse(R"({"id":"step-1","run_id":"run-1","agent_id":"agent-1","model":"gpt-4o-mini","model_handle":"openai/gpt-4o-mini","provider_name":"openai","prompt_tokens":2310,"completion_tokens":52,"total_tokens":2362,"prompt_tokens_details":{"cached_tokens":1024},"completion_tokens_details":{"reasoning_tokens":12},"trace_id":"4bf9","status":"failed","error_type":"ToolError","error_data":{"message":"tool crashed","type":"RuntimeError"}})"));
        QVERIFY(step.ok());
        QCOMPARE(step->runId, u"run-1"_s);
        QCOMPARE(step->promptTokens.value_or(0), 2310);
        QCOMPARE(step->cachedTokens.value_or(0), 1024);
        QCOMPARE(step->reasoningTokens.value_or(0), 12);
        QVERIFY(!step->cacheWriteTokens.has_value());
        QCOMPARE(step->errorText, u"RuntimeError: tool crashed"_s);
        QCOMPARE(step->traceId, u"4bf9"_s);

        const auto legacy = parseStep(parse(R"({"id":"step-2","job_id":"run-9","cached_input_tokens":5,"cache_write_tokens":6,"reasoning_tokens":7,"messages":[{"id":"message-1"}]})"));
        QCOMPARE(legacy->runId, u"run-9"_s);
        QCOMPARE(legacy->cachedTokens.value_or(0), 5);
        QCOMPARE(legacy->cacheWriteTokens.value_or(0), 6);
        QCOMPARE(legacy->reasoningTokens.value_or(0), 7);
        QVERIFY(legacy->status.isEmpty());
    }

    void metricsUsageAndTrace()
    {
        const auto metrics = parseStepMetrics(parse(R"({"id":"step-1","step_start_ns":1759520096000000000,"llm_request_ns":900000000,"tool_execution_ns":null,"step_ns":1200000000})"));
        QCOMPARE(metrics->stepStartNs.value_or(0), 1759520096000000000LL);
        QCOMPARE(metrics->llmRequestNs.value_or(0), 900000000LL);
        QVERIFY(!metrics->toolExecutionNs.has_value());
        const auto usage = parseRunUsage(parse(R"({"completion_tokens":10,"prompt_tokens":20,"total_tokens":30,"prompt_tokens_details":{"cache_read_tokens":4,"cache_creation_tokens":2}})"));
        QCOMPARE(usage->totalTokens.value_or(0), 30);
        QCOMPARE(usage->cachedTokens.value_or(0), 4);
        QCOMPARE(usage->cacheWriteTokens.value_or(0), 2);
        const auto runMetrics = parseRunMetrics(parse(R"({"id":"run-1","agent_id":"agent-1","run_ns":5000,"num_steps":3,"tools_used":["tool-1","tool-2"]})"));
        QCOMPARE(runMetrics->numSteps.value_or(0), 3);
        QCOMPARE(runMetrics->toolsUsed.size(), 2);
        QCOMPARE(parseProviderTrace(QJsonValue(QJsonValue::Null))->has_value(), false);
        const auto trace = parseProviderTrace(parse(R"({"id":"provider_trace-1","step_id":"step-1","request_json":{"model":"m"},"response_json":{"id":"r"},"created_at":"2025-10-03T19:34:56Z"})"));
        QCOMPARE(trace->value().request.value(u"model").toString(), u"m"_s);
        QVERIFY(!parseProviderTrace(QJsonValue(3)).ok());
    }

    void job()
    {
        const auto job = parseJob(parse(R"({"id":"job-1","status":"failed","job_type":"job","metadata":{"source_id":"source-1","error":"parse failed"},"created_at":"2025-10-03T19:34:56Z","completed_at":"2025-10-03T19:35:00"})"));
        QVERIFY(job.ok());
        QCOMPARE(job->jobType, u"job"_s);
        QCOMPARE(job->errorText, u"parse failed"_s);
        QCOMPARE(job->metadata.value(u"source_id").toString(), u"source-1"_s);
        QCOMPARE(job->completedMs.value_or(0), 1759520100000LL);
    }

    void resources_data()
    {
        QTest::addColumn<ResourceKind>("kind");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("summary");
        QTest::addRow("tool") << ResourceKind::Tool << R"({"id":"tool-1","name":"web_search","tool_type":"letta_builtin","description":"Search the web.\nMore."})"_ba
                              << u"tool-1"_s << u"web_search"_s << u"letta_builtin · Search the web."_s;
        QTest::addRow("block") << ResourceKind::Block << R"({"id":"block-1","label":"human","value":"Sarah","limit":5000})"_ba
                               << u"block-1"_s << u"human"_s << u"5/5000 chars"_s;
        QTest::addRow("mcp stdio") << ResourceKind::McpServer << R"({"id":"mcp_server-1","server_name":"fs","mcp_server_type":"stdio","command":"npx","args":["server-fs","/tmp"]})"_ba
                                   << u"mcp_server-1"_s << u"fs"_s << u"stdio · npx server-fs /tmp"_s;
        QTest::addRow("mcp http") << ResourceKind::McpServer << R"({"id":"mcp_server-2","server_name":"gh","mcp_server_type":"streamable_http","server_url":"https:\/\/x/mcp"})"_ba
                                  << u"mcp_server-2"_s << u"gh"_s << u"streamable_http · https://x/mcp"_s;
        QTest::addRow("folder") << ResourceKind::Folder << R"({"id":"source-1","name":"docs","description":"Manuals","embedding_config":{"embedding_model":"text-embedding-3-small"}})"_ba
                                << u"source-1"_s << u"docs"_s << u"Manuals · text-embedding-3-small"_s;
        QTest::addRow("archive") << ResourceKind::Archive << R"({"id":"archive-1","name":"notes","vector_db_provider":"native"})"_ba
                                 << u"archive-1"_s << u"notes"_s << u"native"_s;
        QTest::addRow("identity") << ResourceKind::Identity << R"({"id":"identity-1","name":"Sarah","identifier_key":"user-42","identity_type":"user"})"_ba
                                  << u"identity-1"_s << u"Sarah"_s << u"user · user-42"_s;
        QTest::addRow("model without id") << ResourceKind::LlmModel << R"({"handle":"openai/gpt-4o","name":"gpt-4o","display_name":"GPT-4o","provider_name":"openai","max_context_window":128000})"_ba
                                          << u"openai/gpt-4o"_s << u"GPT-4o"_s << u"openai · 128000 tokens context"_s;
        QTest::addRow("embedding model") << ResourceKind::EmbeddingModel << R"({"handle":"openai/text-embedding-3-small","name":"text-embedding-3-small","provider_type":"openai","embedding_dim":1536})"_ba
                                         << u"openai/text-embedding-3-small"_s << u"openai/text-embedding-3-small"_s << u"openai · 1536 dimensions"_s;
        QTest::addRow("provider") << ResourceKind::Provider << R"({"id":"provider-1","name":"my-openai","provider_type":"openai","provider_category":"byok","base_url":"https:\/\/api.openai.com/v1"})"_ba
                                  << u"provider-1"_s << u"my-openai"_s << u"openai · byok · https://api.openai.com/v1"_s;
        QTest::addRow("group") << ResourceKind::Group << R"({"id":"group-1","manager_type":"sleeptime","agent_ids":["a","b"],"description":""})"_ba
                               << u"group-1"_s << u"sleeptime group"_s << u"sleeptime · 2 agents"_s;
        QTest::addRow("sandbox") << ResourceKind::SandboxConfig << R"({"id":"sandbox-1","type":"local","config":{"sandbox_dir":"/tmp"}})"_ba
                                 << u"sandbox-1"_s << u"local sandbox"_s << u"sandbox_dir"_s;
    }
    void resources()
    {
        QFETCH(ResourceKind, kind);
        QFETCH(QByteArray, json);
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QString, summary);
        const auto resource = parseResource(kind, parse(json));
        QVERIFY(resource.ok());
        QCOMPARE(resource->kind, kind);
        QCOMPARE(resource->id, id);
        QCOMPARE(resource->name, name);
        QCOMPARE(resource->summary, summary);
        QCOMPARE(resource->raw, parse(json).toObject());
    }

    void serverVersions_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("major");
        QTest::addColumn<int>("minor");
        QTest::addColumn<int>("patch");
        QTest::addColumn<bool>("runsAreJobs");
        QTest::addColumn<bool>("legacyTypes");
        QTest::addRow("0.16.8") << u"0.16.8"_s << 0 << 16 << 8 << false << false;
        QTest::addRow("0.12.0 boundary") << u"0.12.0"_s << 0 << 12 << 0 << false << false;
        QTest::addRow("0.11.7.dev3") << u"0.11.7.dev3"_s << 0 << 11 << 7 << true << false;
        QTest::addRow("0.6.5") << u"0.6.5"_s << 0 << 6 << 5 << true << true;
        QTest::addRow("1.0.0a2") << u"1.0.0a2"_s << 1 << 0 << 0 << false << false;
        QTest::addRow("v2") << u"v2"_s << 2 << -1 << -1 << false << false;
        QTest::addRow("unparsable is current") << u"cloud"_s << -1 << -1 << -1 << false << false;
    }
    void serverVersions()
    {
        QFETCH(QString, version);
        QFETCH(int, major);
        QFETCH(int, minor);
        QFETCH(int, patch);
        QFETCH(bool, runsAreJobs);
        QFETCH(bool, legacyTypes);
        const auto info = parseServerInfo(QJsonObject{{u"version"_s, version}, {u"status"_s, u"ok"_s}});
        QVERIFY(info.ok());
        QCOMPARE(info->major, major);
        QCOMPARE(info->minor, minor);
        QCOMPARE(info->patch, patch);
        QCOMPARE(info->runsAreJobs(), runsAreJobs);
        QCOMPARE(info->usesLegacyMessageTypes(), legacyTypes);
        QCOMPARE(info->hasStepTraceRoute(), !runsAreJobs);
        QVERIFY(!parseServerInfo(QJsonObject{}).ok());
    }

    void pageKeepsGoodElements()
    {
        const QJsonValue body = parse(R"([{"id":"run-1","status":"running"},42,{"status":"completed"},{"id":"run-4","created_at":"garbage"}])");
        const auto page = parsePage<Run>(body, 4, parseRun);
        QVERIFY(page.ok());
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items[1].id, u"run-4"_s);
        QVERIFY(!page->items[1].createdMs.has_value());
        QCOMPARE(page->received, 4);
        QCOMPARE(page->skipped, 2);
        QCOMPARE(page->problems.size(), 2);
        QVERIFY(page->problems[0].startsWith(u"element 1:"_s));
        QCOMPARE(page->raw.size(), 4);
        QCOMPARE(page->firstId, u"run-1"_s);
        QCOMPARE(page->lastId, u"run-4"_s);
        QVERIFY(!page->isLastPage());
    }

    void pageEnds_data()
    {
        QTest::addColumn<int>("received");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("last");
        QTest::addRow("full page") << 3 << 3 << false;
        QTest::addRow("short page") << 2 << 3 << true;
        QTest::addRow("empty page") << 0 << 3 << true;
        QTest::addRow("server default, some") << 5 << 0 << false;
        QTest::addRow("server default, none") << 0 << 0 << true;
    }
    void pageEnds()
    {
        QFETCH(int, received);
        QFETCH(int, limit);
        QFETCH(bool, last);
        QJsonArray items;
        for (int i = 0; i < received; ++i)
            items.append(QJsonObject{{u"id"_s, u"job-%1"_s.arg(i)}});
        QCOMPARE(parsePage<Job>(items, limit, parseJob)->isLastPage(), last);
    }

    void pageRejectsNonArrays()
    {
        const auto page = parsePage<Run>(parse(R"({"runs":[]})"), 0, parseRun);
        QCOMPARE(page.error().kind, ErrorKind::BadPayload);
        QVERIFY(page.error().message.contains(u"object"_s));
    }
};

QTEST_GUILESS_MAIN(TestParseEntities)
#include "tst_parseentities.moc"
