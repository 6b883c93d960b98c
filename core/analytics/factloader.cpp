// SPDX-License-Identifier: MIT
#include "factloader.h"

#include "errorsignature.h"
#include "store/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <variant>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

// The runs a load covers, as SQL over alias r, with its bind values in order.
struct Scope {
    QString where;
    QList<std::variant<qint64, QString>> values;
};

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

Scope buildScope(const AnalyticsFilter &filter, qint64 serverId, const QSet<QString> *runIds)
{
    Scope scope;
    QStringList clauses;
    auto param = [&scope](std::variant<qint64, QString> value) {
        scope.values << std::move(value);
        return u"?%1"_s.arg(scope.values.size());
    };
    // Clauses are added only when set, so the planner can use the (server_id, id) and created indexes.
    if (serverId != 0)
        clauses << u"r.server_id = "_s + param(serverId);
    if (runIds)
        clauses << u"r.id IN (SELECT value FROM json_each(%1))"_s.arg(param(jsonList(QStringList(runIds->begin(), runIds->end()))));
    if (!filter.agentIds.isEmpty())
        clauses << u"r.agent_id IN (SELECT value FROM json_each(%1))"_s.arg(param(jsonList(filter.agentIds)));
    if (filter.sinceMs)
        clauses << u"r.created_ms >= "_s + param(*filter.sinceMs);
    if (filter.untilMs)
        clauses << u"r.created_ms < "_s + param(*filter.untilMs);
    scope.where = clauses.isEmpty() ? QString() : u" WHERE "_s + clauses.join(u" AND "_s);
    return scope;
}

Result<store::Statement> prepare(store::Database &db, const QString &sql, const Scope &scope)
{
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < scope.values.size(); ++i)
        std::visit([&](const auto &value) { stmt->bind(i + 1, value); }, scope.values[i]);
    return stmt;
}

template<typename RowFunction>
Status forEachRow(store::Statement &stmt, RowFunction &&onRow)
{
    while (true) {
        auto row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return success();
        onRow(stmt);
    }
}

Status loadRuns(store::Database &db, const Scope &scope, RunFactsMap &facts)
{
    auto stmt = prepare(db,
                        u"SELECT r.server_id, r.id, r.agent_id, r.status, r.stop_reason, r.created_ms, "
                        "COALESCE(r.duration_ns, (r.completed_ms - r.created_ms) * 1000000), r.last_activity_ms, "
                        "r.step_count, r.prompt_tokens, r.completion_tokens, r.cached_tokens, r.reasoning_tokens, "
                        "r.error_text FROM runs r"_s + scope.where,
                        scope);
    if (!stmt)
        return stmt.error();
    return forEachRow(*stmt, [&facts](const store::Statement &s) {
        RunFacts f;
        f.serverId = s.int64(0);
        f.id = s.text(1);
        f.agentId = s.text(2);
        f.status = runStatusFromString(s.text(3));
        f.stopReason = s.text(4);
        f.createdMs = s.optionalInt64(5);
        f.durationNs = s.optionalInt64(6);
        f.lastActivityMs = s.optionalInt64(7);
        f.stepCount = int(s.int64(8));
        f.promptTokens = s.optionalInt64(9);
        f.completionTokens = s.optionalInt64(10);
        f.cachedTokens = s.optionalInt64(11);
        f.reasoningTokens = s.optionalInt64(12);
        f.errorSignature = errorSignature(s.text(13));
        facts.insert(runKey(f.serverId, f.id), std::move(f));
    });
}

// One tool call or return entry as read; entries are ordered per run in C++ (a global ORDER BY would
// sort every tool message of the cache in one temporary b-tree).
struct ToolEntry {
    qint64 dateMs = 0;
    qint64 seq = 0;
    QString stepId;
    QString names;
    QString callId;
    QString status;
    QString errorText;
};

// Per run while reading tool messages: which call each return answers, and which step made each call.
struct CallIndex {
    QHash<QString, int> byCallId;
    QList<QString> stepIds;
};

void addToolEntries(RunFacts &facts, QList<ToolEntry> &entries, CallIndex &index)
{
    std::sort(entries.begin(), entries.end(), [](const ToolEntry &a, const ToolEntry &b) {
        return a.dateMs != b.dateMs ? a.dateMs < b.dateMs : a.seq < b.seq;
    });
    for (const ToolEntry &e : entries) {
        if (e.status.isEmpty()) {
            const QStringList names = e.names.split(u',', Qt::SkipEmptyParts);
            // The row keeps only the first call's id; later calls of the entry are matched by position.
            if (!e.callId.isEmpty() && !names.isEmpty())
                index.byCallId.insert(e.callId, int(facts.toolCalls.size()));
            for (const QString &name : names) {
                facts.toolCalls << ToolCallFact{name, false, {}, std::nullopt};
                index.stepIds << e.stepId;
            }
            continue;
        }
        // A return answers its call by id, else (ids not reported) the latest call.
        int callIndex = index.byCallId.value(e.callId, -1);
        if (callIndex < 0 && !facts.toolCalls.isEmpty())
            callIndex = int(facts.toolCalls.size()) - 1;
        if (callIndex >= 0 && e.status == u"error") {
            facts.toolCalls[callIndex].error = true;
            facts.toolCalls[callIndex].errorSignature = errorSignature(e.errorText);
        }
    }
}

Status loadToolCalls(store::Database &db, const Scope &scope, RunFactsMap &facts,
                     QHash<QString, CallIndex> &indexes)
{
    // Only tool call and return entries: the partial scan never touches message text of other kinds.
    // CROSS JOIN keeps runs outermost, so a few changed runs are found through the runs index.
    auto stmt = prepare(db,
                        u"SELECT m.server_id, m.run_id, m.step_id, m.tool_names, m.tool_call_id, m.tool_status, "
                        "CASE WHEN m.tool_status = 'error' THEN substr(COALESCE(m.tool_text, m.text), 1, 400) END, "
                        "m.date_ms, m.seq "
                        "FROM runs r CROSS JOIN messages m ON m.server_id = r.server_id AND m.run_id = r.id"_s
                            + scope.where
                            + (scope.where.isEmpty() ? u" WHERE "_s : u" AND "_s)
                            + u"(m.tool_names IS NOT NULL OR m.tool_status IS NOT NULL)"_s,
                        scope);
    if (!stmt)
        return stmt.error();
    QHash<QString, QList<ToolEntry>> entries;
    auto status = forEachRow(*stmt, [&](const store::Statement &s) {
        const QString key = runKey(s.int64(0), s.text(1));
        if (facts.contains(key))
            entries[key] << ToolEntry{s.optionalInt64(7).value_or(0), s.int64(8), s.text(2), s.text(3),
                                      s.text(4), s.text(5), s.text(6)};
    });
    if (!status)
        return status;
    for (auto it = entries.begin(); it != entries.end(); ++it)
        addToolEntries(facts[it.key()], *it, indexes[it.key()]);
    return success();
}

Status loadSteps(store::Database &db, const Scope &scope, RunFactsMap &facts, const QHash<QString, CallIndex> &indexes)
{
    auto stmt = prepare(db,
                        u"SELECT s.server_id, s.run_id, s.id, s.model, s.prompt_tokens, s.completion_tokens, "
                        "s.cached_tokens, s.reasoning_tokens, s.tool_execution_ns "
                        "FROM runs r CROSS JOIN steps s ON s.server_id = r.server_id AND s.run_id = r.id"_s
                            + scope.where,
                        scope);
    if (!stmt)
        return stmt.error();
    auto add = [](std::optional<qint64> &sum, std::optional<qint64> value) {
        if (value)
            sum = sum.value_or(0) + *value;
    };
    return forEachRow(*stmt, [&](const store::Statement &s) {
        const QString key = runKey(s.int64(0), s.text(1));
        auto it = facts.find(key);
        if (it == facts.end())
            return;
        const QString model = s.text(3);
        auto tokens = std::find_if(it->modelTokens.begin(), it->modelTokens.end(),
                                   [&model](const ModelTokens &t) { return t.model == model; });
        if (tokens == it->modelTokens.end()) {
            it->modelTokens << ModelTokens{model, {}, {}, {}, {}};
            tokens = it->modelTokens.end() - 1;
        }
        add(tokens->prompt, s.optionalInt64(4));
        add(tokens->completion, s.optionalInt64(5));
        add(tokens->cached, s.optionalInt64(6));
        add(tokens->reasoning, s.optionalInt64(7));
        // A step's tool time belongs to a tool only when the step made exactly one call; a step with
        // several calls reports one total that cannot be split honestly.
        const auto executionNs = s.optionalInt64(8);
        const auto index = indexes.constFind(key);
        if (!executionNs || index == indexes.constEnd())
            return;
        const QString stepId = s.text(2);
        if (index->stepIds.count(stepId) == 1)
            it->toolCalls[index->stepIds.indexOf(stepId)].executionNs = executionNs;
    });
}

Result<RunFactsMap> load(store::Database &db, const Scope &scope)
{
    RunFactsMap facts;
    if (auto status = loadRuns(db, scope, facts); !status)
        return status.error();
    QHash<QString, CallIndex> indexes;
    if (auto status = loadToolCalls(db, scope, facts, indexes); !status)
        return status.error();
    if (auto status = loadSteps(db, scope, facts, indexes); !status)
        return status.error();
    // Steps are scanned in table order; sorting models keeps facts comparable between loads.
    for (RunFacts &f : facts)
        std::sort(f.modelTokens.begin(), f.modelTokens.end(),
                  [](const ModelTokens &a, const ModelTokens &b) { return a.model < b.model; });
    return facts;
}

} // namespace

Result<RunFactsMap> loadRunFacts(store::Database &db, const AnalyticsFilter &filter)
{
    return load(db, buildScope(filter, filter.serverId, nullptr));
}

Result<RunFactsMap> loadRunFacts(store::Database &db, const AnalyticsFilter &filter, qint64 serverId,
                                 const QSet<QString> &runIds)
{
    if (filter.serverId != 0 && filter.serverId != serverId)
        return RunFactsMap();
    return load(db, buildScope(filter, serverId, &runIds));
}

} // namespace lettascope::analytics
