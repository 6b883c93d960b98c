// SPDX-License-Identifier: MIT
#include "entitywriter.h"

#include "agentrevisions.h"
#include "jsontext.h"
#include "model/entityjson.h"
#include "model/errorsignature.h"
#include "runrollups.h"
#include "sqlite.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

QByteArray tagsJson(const QStringList &tags)
{
    return jsonText(QJsonArray::fromStringList(tags));
}

// Text that full-text search should find for a message besides its content: tool names, call
// arguments and return values.
QString toolSearchText(const Message &message)
{
    QStringList parts;
    for (const auto &call : message.toolCalls)
        parts << call.name << call.arguments;
    for (const auto &ret : message.toolReturns)
        parts << ret.text << ret.stderrLines.join(u'\n');
    parts.removeAll(QString());
    return parts.isEmpty() ? QString() : parts.join(u'\n');
}

QString toolNames(const Message &message)
{
    QStringList names;
    for (const auto &call : message.toolCalls) {
        if (!call.name.isEmpty())
            names << call.name;
    }
    return names.isEmpty() ? QString() : names.join(u',');
}

QString toolStatus(const Message &message)
{
    if (message.toolReturns.isEmpty())
        return {};
    for (const auto &ret : message.toolReturns) {
        if (ret.status == u"error")
            return u"error"_s;
    }
    return message.toolReturns.first().status;
}

// The first `count` characters as SQLite's substr() counts them: code points, not UTF-16 units.
QString firstCodePoints(const QString &text, qsizetype count)
{
    qsizetype units = 0;
    for (qsizetype points = 0; points < count && units < text.size(); ++points)
        units += text[units].isHighSurrogate() && units + 1 < text.size() && text[units + 1].isLowSurrogate() ? 2 : 1;
    return text.left(units);
}

// Stored so analytics need not normalise every error again on each load (migration 004).
QString toolErrorSignature(const Message &message, const QString &toolText)
{
    constexpr qsizetype kSignedChars = 400; // what analytics read of an error return's text
    if (toolStatus(message) != u"error")
        return {};
    return errorSignature(firstCodePoints(toolText.isNull() ? message.text : toolText, kSignedChars));
}

QString toolCallId(const Message &message)
{
    if (!message.toolReturns.isEmpty())
        return message.toolReturns.first().toolCallId;
    if (!message.toolCalls.isEmpty())
        return message.toolCalls.first().id;
    return {};
}

} // namespace

Result<qint64> EntityWriter::ensureServer(const ServerRecord &server)
{
    auto stmt = m_db.cached(
        "INSERT INTO servers(profile_id, name, base_url, kind, version) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(profile_id) DO UPDATE SET name = excluded.name, base_url = excluded.base_url, "
        "kind = excluded.kind, version = COALESCE(excluded.version, servers.version) "
        "RETURNING id");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, server.profileId).bind(2, server.name).bind(3, server.baseUrl).bind(4, server.kind);
    (*stmt)->bind(5, server.version.isEmpty() ? QString() : server.version);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 id = (*stmt)->int64(0);
    (*stmt)->reset();
    return id;
}

Result<ChangeSet> EntityWriter::write(qint64 serverId, const WriteBatch &batch, qint64 nowMs)
{
    ChangeSet changes;
    changes.serverId = serverId;

    // Order matters: runs before steps and messages, so their roll-ups and agent ids resolve.
    if (auto s = writeAgents(serverId, batch.agents, nowMs, changes); !s)
        return s.error();
    if (auto s = writeRuns(serverId, batch.runs, changes); !s)
        return s.error();
    if (auto s = writeSteps(serverId, batch.steps, changes); !s)
        return s.error();
    if (auto s = writeStepMetrics(serverId, batch.stepMetrics, changes); !s)
        return s.error();
    if (auto s = writeMessages(serverId, batch.messages, changes); !s)
        return s.error();
    if (auto s = writeJobs(serverId, batch.jobs, changes); !s)
        return s.error();
    if (auto s = writeResources(serverId, batch.resources, nowMs, changes); !s)
        return s.error();
    if (auto s = writeSyncState(serverId, batch.syncState); !s)
        return s.error();

    if (!changes.runIds.isEmpty()) {
        auto seq = bumpChangeSeq();
        if (!seq)
            return seq.error();
        changes.changeSeq = *seq;
        if (auto s = refreshRunRollups(m_db, serverId, changes.runIds, *seq); !s)
            return s.error();
        for (const RunDerivation &derivation : m_derivations) {
            if (auto s = derivation.derive(m_db, serverId, changes.runIds); !s)
                return s.error();
        }
    }
    return changes;
}

Status EntityWriter::writeAgents(qint64 serverId, const QList<Agent> &agents, qint64 nowMs, ChangeSet &changes)
{
    if (agents.isEmpty())
        return success();
    auto stmt = m_db.cached(
        "INSERT INTO agents(server_id, id, name, agent_type, model, description, tags, created_ms, updated_ms, "
        "last_run_completion_ms, last_run_duration_ms, last_stop_reason, first_seen_ms, last_seen_ms, raw, system, "
        "embedding_model, blocks, tools, identity_ids, llm_config, embedding_config) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21) "
        "ON CONFLICT(server_id, id) DO UPDATE SET name = excluded.name, agent_type = excluded.agent_type, "
        "model = excluded.model, description = excluded.description, tags = excluded.tags, "
        "created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, "
        "last_run_completion_ms = excluded.last_run_completion_ms, "
        "last_run_duration_ms = excluded.last_run_duration_ms, last_stop_reason = excluded.last_stop_reason, "
        "last_seen_ms = excluded.last_seen_ms, raw = excluded.raw, system = excluded.system, "
        "embedding_model = excluded.embedding_model, blocks = excluded.blocks, tools = excluded.tools, "
        "identity_ids = excluded.identity_ids, llm_config = excluded.llm_config, "
        "embedding_config = excluded.embedding_config "
        "WHERE agents.raw IS NOT excluded.raw");
    if (!stmt)
        return stmt.error();
    for (const Agent &agent : agents) {
        Statement &s = **stmt;
        s.bind(1, serverId).bind(2, agent.id).bind(3, agent.name).bind(4, agent.agentType).bind(5, agent.model);
        s.bind(6, agent.description).bind(7, tagsJson(agent.tags)).bind(8, agent.createdMs).bind(9, agent.updatedMs);
        s.bind(10, agent.lastRunCompletionMs).bind(11, agent.lastRunDurationMs).bind(12, agent.lastStopReason);
        s.bind(13, nowMs).bind(14, jsonText(agent.raw)).bind(15, agent.system).bind(16, agent.embeddingModel);
        s.bind(17, jsonText(memoryBlocksToJson(agent.blocks))).bind(18, jsonText(toolRefsToJson(agent.tools)));
        s.bind(19, jsonText(QJsonArray::fromStringList(agent.identityIds))).bind(20, jsonText(agent.llmConfig));
        s.bind(21, jsonText(agent.embeddingConfig));
        if (auto status = s.run(); !status)
            return status;
        if (m_db.changes() > 0) {
            changes.kinds |= ChangeSet::Agents;
            changes.agentIds.insert(agent.id);
        }
        if (auto status = recordAgentRevision(m_db, serverId, agent, nowMs); !status)
            return status;
    }
    return success();
}

Status EntityWriter::writeRuns(qint64 serverId, const QList<Run> &runs, ChangeSet &changes)
{
    if (runs.isEmpty())
        return success();
    auto stmt = m_db.cached(
        "INSERT INTO runs(server_id, id, agent_id, conversation_id, status, status_raw, stop_reason, created_ms, "
        "completed_ms, duration_ns, ttft_ns, background, run_type, error_text, reconstructed, raw, error_signature) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
        "ON CONFLICT(server_id, id) DO UPDATE SET agent_id = COALESCE(excluded.agent_id, runs.agent_id), "
        "conversation_id = excluded.conversation_id, status = excluded.status, status_raw = excluded.status_raw, "
        "stop_reason = excluded.stop_reason, created_ms = excluded.created_ms, "
        "completed_ms = excluded.completed_ms, duration_ns = excluded.duration_ns, ttft_ns = excluded.ttft_ns, "
        "background = excluded.background, run_type = excluded.run_type, error_text = excluded.error_text, "
        "reconstructed = excluded.reconstructed, raw = excluded.raw, error_signature = excluded.error_signature "
        // A run inferred from history never replaces one the server reported (App Server: recorded live).
        "WHERE (runs.raw IS NOT excluded.raw OR runs.status IS NOT excluded.status) "
        "AND (excluded.reconstructed = 0 OR runs.reconstructed = 1)");
    if (!stmt)
        return stmt.error();
    for (const Run &run : runs) {
        Statement &s = **stmt;
        s.bind(1, serverId).bind(2, run.id).bind(3, run.agentId.isEmpty() ? QString() : run.agentId);
        s.bind(4, run.conversationId).bind(5, runStatusToString(run.status)).bind(6, run.statusText);
        s.bind(7, run.stopReason).bind(8, run.createdMs).bind(9, run.completedMs).bind(10, run.totalDurationNs);
        s.bind(11, run.ttftNs).bind(12, run.background).bind(13, run.runType).bind(14, run.errorText);
        s.bind(15, run.reconstructed).bind(16, jsonText(run.raw));
        s.bind(17, run.errorText.isEmpty() ? QString() : errorSignature(run.errorText));
        if (auto status = s.run(); !status)
            return status;
        if (m_db.changes() > 0) {
            changes.kinds |= ChangeSet::Runs;
            changes.runIds.insert(run.id);
        }
    }
    return success();
}

Status EntityWriter::writeSteps(qint64 serverId, const QList<Step> &steps, ChangeSet &changes)
{
    if (steps.isEmpty())
        return success();
    // Metrics arrive separately (per-step endpoint), so a step re-listed without them keeps what we have.
    auto stmt = m_db.cached(
        "INSERT INTO steps(server_id, id, run_id, agent_id, ordinal, model, model_handle, provider, status, "
        "stop_reason, error_type, error_text, trace_id, prompt_tokens, completion_tokens, total_tokens, "
        "cached_tokens, cache_write_tokens, reasoning_tokens, step_start_ns, llm_request_start_ns, llm_request_ns, "
        "tool_execution_ns, step_ns, metrics_raw, reconstructed, raw) "
        "VALUES (?1, ?2, ?3, ?4, "
        "COALESCE(NULLIF(?5, -1), (SELECT count(*) FROM steps WHERE server_id = ?1 AND run_id = ?3)), "
        "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27) "
        "ON CONFLICT(server_id, id) DO UPDATE SET run_id = excluded.run_id, "
        "agent_id = COALESCE(excluded.agent_id, steps.agent_id), "
        "ordinal = CASE WHEN ?5 = -1 THEN steps.ordinal ELSE excluded.ordinal END, model = excluded.model, "
        "model_handle = excluded.model_handle, provider = excluded.provider, status = excluded.status, "
        "stop_reason = excluded.stop_reason, error_type = excluded.error_type, error_text = excluded.error_text, "
        "trace_id = excluded.trace_id, prompt_tokens = excluded.prompt_tokens, "
        "completion_tokens = excluded.completion_tokens, total_tokens = excluded.total_tokens, "
        "cached_tokens = excluded.cached_tokens, cache_write_tokens = excluded.cache_write_tokens, "
        "reasoning_tokens = excluded.reasoning_tokens, "
        "step_start_ns = COALESCE(excluded.step_start_ns, steps.step_start_ns), "
        "llm_request_start_ns = COALESCE(excluded.llm_request_start_ns, steps.llm_request_start_ns), "
        "llm_request_ns = COALESCE(excluded.llm_request_ns, steps.llm_request_ns), "
        "tool_execution_ns = COALESCE(excluded.tool_execution_ns, steps.tool_execution_ns), "
        "step_ns = COALESCE(excluded.step_ns, steps.step_ns), "
        "metrics_raw = COALESCE(excluded.metrics_raw, steps.metrics_raw), reconstructed = excluded.reconstructed, "
        "raw = excluded.raw "
        "WHERE (steps.raw IS NOT excluded.raw "
        "OR (excluded.metrics_raw IS NOT NULL AND steps.metrics_raw IS NOT excluded.metrics_raw) "
        "OR (?5 != -1 AND steps.ordinal != ?5)) "
        "AND (excluded.reconstructed = 0 OR steps.reconstructed = 1)");
    if (!stmt)
        return stmt.error();
    for (const Step &step : steps) {
        Statement &s = **stmt;
        const StepMetrics metrics = step.metrics.value_or(StepMetrics{});
        s.bind(1, serverId).bind(2, step.id).bind(3, step.runId).bind(4, step.agentId.isEmpty() ? QString() : step.agentId);
        s.bind(5, step.ordinal).bind(6, step.model).bind(7, step.modelHandle).bind(8, step.providerName);
        s.bind(9, step.status).bind(10, step.stopReason).bind(11, step.errorType).bind(12, step.errorText);
        s.bind(13, step.traceId).bind(14, step.promptTokens).bind(15, step.completionTokens);
        s.bind(16, step.totalTokens).bind(17, step.cachedTokens).bind(18, step.cacheWriteTokens);
        s.bind(19, step.reasoningTokens).bind(20, metrics.stepStartNs).bind(21, metrics.llmRequestStartNs);
        s.bind(22, metrics.llmRequestNs).bind(23, metrics.toolExecutionNs).bind(24, metrics.stepNs);
        if (step.metrics)
            s.bind(25, jsonText(metrics.raw));
        else
            s.bindNull(25);
        s.bind(26, step.reconstructed).bind(27, jsonText(step.raw));
        if (auto status = s.run(); !status)
            return status;
        if (m_db.changes() > 0) {
            changes.kinds |= ChangeSet::Steps;
            if (!step.runId.isEmpty())
                changes.runIds.insert(step.runId);
        }
    }
    return success();
}

Status EntityWriter::writeStepMetrics(qint64 serverId, const QList<StepMetricsUpdate> &updates, ChangeSet &changes)
{
    if (updates.isEmpty())
        return success();
    auto stmt = m_db.cached(
        "UPDATE steps SET step_start_ns = ?3, llm_request_start_ns = ?4, llm_request_ns = ?5, "
        "tool_execution_ns = ?6, step_ns = ?7, metrics_raw = ?8 "
        "WHERE server_id = ?1 AND id = ?2 AND metrics_raw IS NOT ?8 RETURNING run_id");
    if (!stmt)
        return stmt.error();
    for (const auto &update : updates) {
        Statement &s = **stmt;
        const StepMetrics &m = update.metrics;
        s.bind(1, serverId).bind(2, update.stepId).bind(3, m.stepStartNs).bind(4, m.llmRequestStartNs);
        s.bind(5, m.llmRequestNs).bind(6, m.toolExecutionNs).bind(7, m.stepNs).bind(8, jsonText(m.raw));
        auto row = s.step();
        if (!row)
            return row.error();
        if (*row) {
            changes.kinds |= ChangeSet::Steps;
            if (!s.isNull(0))
                changes.runIds.insert(s.text(0));
        }
        s.reset();
    }
    return success();
}

Status EntityWriter::writeMessages(qint64 serverId, const QList<Message> &messages, ChangeSet &changes)
{
    if (messages.isEmpty())
        return success();
    // The first-seen sequence is kept on update: it is the order the source listed the entry in.
    auto stmt = m_db.cached(
        "INSERT INTO messages(server_id, id, message_type, otid, run_id, step_id, agent_id, conversation_id, "
        "date_ms, seq, name, is_err, text, tool_names, tool_text, tool_call_id, tool_status, raw, sender_id, "
        "tool_calls, tool_returns, approved, approval_reason, tool_error_signature) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
        // Org-wide message lists carry no agent id; the run (synced first) knows it.
        "COALESCE(?7, (SELECT agent_id FROM runs WHERE server_id = ?1 AND id = ?5)), "
        "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24) "
        "ON CONFLICT(server_id, id, message_type, otid) DO UPDATE SET run_id = excluded.run_id, "
        "step_id = excluded.step_id, agent_id = COALESCE(excluded.agent_id, messages.agent_id), "
        "conversation_id = excluded.conversation_id, date_ms = excluded.date_ms, name = excluded.name, "
        "is_err = excluded.is_err, text = excluded.text, tool_names = excluded.tool_names, "
        "tool_text = excluded.tool_text, tool_call_id = excluded.tool_call_id, tool_status = excluded.tool_status, "
        "raw = excluded.raw, sender_id = excluded.sender_id, tool_calls = excluded.tool_calls, "
        "tool_returns = excluded.tool_returns, approved = excluded.approved, "
        "approval_reason = excluded.approval_reason, tool_error_signature = excluded.tool_error_signature "
        "WHERE messages.raw IS NOT excluded.raw");
    if (!stmt)
        return stmt.error();
    auto nullIfEmpty = [](const QString &text) { return text.isEmpty() ? QString() : text; };
    for (const Message &message : messages) {
        Statement &s = **stmt;
        s.bind(1, serverId).bind(2, message.id).bind(3, message.messageType).bind(4, message.otid.isNull() ? u""_s : message.otid);
        s.bind(5, nullIfEmpty(message.runId)).bind(6, nullIfEmpty(message.stepId)).bind(7, nullIfEmpty(message.agentId));
        s.bind(8, nullIfEmpty(message.conversationId)).bind(9, message.dateMs).bind(10, message.sequence);
        s.bind(11, message.name).bind(12, message.isError).bind(13, message.text).bind(14, toolNames(message));
        const QString toolText = toolSearchText(message);
        s.bind(15, toolText).bind(16, nullIfEmpty(toolCallId(message))).bind(17, toolStatus(message));
        s.bind(18, jsonText(message.raw)).bind(19, nullIfEmpty(message.senderId));
        if (message.toolCalls.isEmpty())
            s.bindNull(20);
        else
            s.bind(20, jsonText(toolCallsToJson(message.toolCalls)));
        if (message.toolReturns.isEmpty())
            s.bindNull(21);
        else
            s.bind(21, jsonText(toolReturnsToJson(message.toolReturns)));
        s.bind(22, message.approved).bind(23, nullIfEmpty(message.approvalReason));
        s.bind(24, toolErrorSignature(message, toolText));
        if (auto status = s.run(); !status)
            return status;
        if (m_db.changes() > 0) {
            changes.kinds |= ChangeSet::Messages;
            if (!message.runId.isEmpty())
                changes.runIds.insert(message.runId);
        }
    }
    return success();
}

Status EntityWriter::writeJobs(qint64 serverId, const QList<Job> &jobs, ChangeSet &changes)
{
    if (jobs.isEmpty())
        return success();
    auto stmt = m_db.cached(
        "INSERT INTO jobs(server_id, id, status, job_type, agent_id, stop_reason, error_text, created_ms, "
        "updated_ms, completed_ms, metadata, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "ON CONFLICT(server_id, id) DO UPDATE SET status = excluded.status, job_type = excluded.job_type, "
        "agent_id = excluded.agent_id, stop_reason = excluded.stop_reason, error_text = excluded.error_text, "
        "created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, "
        "completed_ms = excluded.completed_ms, metadata = excluded.metadata, raw = excluded.raw "
        "WHERE jobs.raw IS NOT excluded.raw");
    if (!stmt)
        return stmt.error();
    for (const Job &job : jobs) {
        Statement &s = **stmt;
        s.bind(1, serverId).bind(2, job.id).bind(3, job.status).bind(4, job.jobType).bind(5, job.agentId);
        s.bind(6, job.stopReason).bind(7, job.errorText).bind(8, job.createdMs).bind(9, job.updatedMs);
        s.bind(10, job.completedMs).bind(11, jsonText(job.metadata)).bind(12, jsonText(job.raw));
        if (auto status = s.run(); !status)
            return status;
        if (m_db.changes() > 0)
            changes.kinds |= ChangeSet::Jobs;
    }
    return success();
}

Status EntityWriter::writeResources(qint64 serverId, const QList<Resource> &resources, qint64 nowMs,
                                    ChangeSet &changes)
{
    if (resources.isEmpty())
        return success();
    auto stmt = m_db.cached(
        "INSERT INTO resources(server_id, kind, id, name, summary, last_seen_ms, raw) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT(server_id, kind, id) DO UPDATE SET name = excluded.name, summary = excluded.summary, "
        "last_seen_ms = excluded.last_seen_ms, raw = excluded.raw "
        "WHERE resources.raw IS NOT excluded.raw");
    if (!stmt)
        return stmt.error();
    for (const Resource &resource : resources) {
        Statement &s = **stmt;
        s.bind(1, serverId).bind(2, resourceKindKey(resource.kind)).bind(3, resource.id).bind(4, resource.name);
        s.bind(5, resource.summary).bind(6, nowMs).bind(7, jsonText(resource.raw));
        if (auto status = s.run(); !status)
            return status;
        if (m_db.changes() > 0)
            changes.kinds |= ChangeSet::Resources;
    }
    return success();
}

Status EntityWriter::writeSyncState(qint64 serverId, const QHash<QString, QString> &state)
{
    if (state.isEmpty())
        return success();
    auto stmt = m_db.cached("INSERT INTO sync_state(server_id, key, value) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT(server_id, key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        (*stmt)->bind(1, serverId).bind(2, it.key()).bind(3, it.value());
        if (auto status = (*stmt)->run(); !status)
            return status;
    }
    return success();
}

Result<qint64> EntityWriter::bumpChangeSeq()
{
    auto stmt = m_db.cached("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq' "
                            "RETURNING CAST(value AS INTEGER)");
    if (!stmt)
        return stmt.error();
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{ErrorKind::Storage, u"cache metadata is missing its change counter"_s};
    const qint64 seq = (*stmt)->int64(0);
    (*stmt)->reset();
    return seq;
}

} // namespace lettascope::store
