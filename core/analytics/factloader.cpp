// SPDX-License-Identifier: MIT
#include "factloader.h"

#include "model/errorsignature.h"
#include "factcodec.h"
#include "store/eachrow.h"
#include "store/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <tuple>
#include <variant>
#include <vector>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

// The runs a load covers, as SQL over alias r, with its bind values in order.
struct Scope {
    QString where;
    QList<std::variant<qint64, QString>> values;
};

QString jsonList(const QJsonArray &items)
{
    return QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact));
}

QString jsonList(const QStringList &items)
{
    return jsonList(QJsonArray::fromStringList(items));
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

// A loaded run and, per tool call in order, the step that made it (to attribute step tool times).
struct LoadedRun {
    RunFacts facts;
    QList<QString> callStepIds;
};

// Facts in scan order, found by the run's rowid: the tool and step scans select r.rowid, so a row finds
// its run without building a text key, and consecutive rows of one run (the runs table is the outer
// loop of both joins) look it up once.
class Loading
{
public:
    std::vector<LoadedRun> runs;
    TextPool pool;
    /// Runs whose tool calls and model tokens are not in run_facts: read from messages and steps.
    QJsonArray derivedRowIds;

    /// Only before the scans that find(): adding may move the runs.
    void add(RunFacts facts) { runs.push_back({std::move(facts), {}}); }
    LoadedRun *find(qint64 rowId)
    {
        if (m_byRowId.isEmpty()) {
            // Built only when a run must be derived from its messages and steps.
            m_byRowId.reserve(qsizetype(runs.size()));
            for (std::size_t i = 0; i < runs.size(); ++i)
                m_byRowId.insert(runs[i].facts.rowId, i);
        }
        if (rowId != m_lastRowId) {
            const auto it = m_byRowId.constFind(rowId);
            m_last = it == m_byRowId.constEnd() ? nullptr : &runs[*it];
            m_lastRowId = rowId;
        }
        return m_last;
    }

private:
    QHash<qint64, std::size_t> m_byRowId;
    qint64 m_lastRowId = -1;
    LoadedRun *m_last = nullptr;
};

// The stored signature, else (rows written before schema 4) computed from the text.
QString signatureOf(Loading &loading, const store::Statement &s, int signatureColumn, const QString &text)
{
    if (!s.isNull(signatureColumn))
        return loading.pool.text(s.utf8(signatureColumn));
    return errorSignature(text);
}

// Whether a load reads the tool calls and model tokens stored in run_facts, or derives every run's.
enum class StoredFacts { Read, Ignore };

Status loadRuns(store::Database &db, const Scope &scope, StoredFacts stored, Loading &loading)
{
    auto stmt = prepare(db,
                        u"SELECT r.rowid, r.server_id, r.id, r.agent_id, r.status, r.stop_reason, r.created_ms, "
                        "COALESCE(r.duration_ns, (r.completed_ms - r.created_ms) * 1000000), r.last_activity_ms, "
                        "r.step_count, r.prompt_tokens, r.completion_tokens, r.cached_tokens, r.reasoning_tokens, "
                        "r.error_signature, CASE WHEN r.error_signature IS NULL THEN r.error_text END, f.facts "
                        "FROM runs r LEFT JOIN run_facts f ON f.run_rowid = r.rowid"_s + scope.where,
                        scope);
    if (!stmt)
        return stmt.error();
    return store::eachRow(*stmt, [&loading, stored](const store::Statement &s) {
        RunFacts f;
        f.rowId = s.int64(0);
        f.serverId = s.int64(1);
        f.id = s.text(2);
        f.agentId = loading.pool.text(s.utf8(3));
        f.status = runStatusFromString(loading.pool.text(s.utf8(4)));
        f.stopReason = loading.pool.text(s.utf8(5));
        f.createdMs = s.optionalInt64(6);
        f.durationNs = s.optionalInt64(7);
        f.lastActivityMs = s.optionalInt64(8);
        f.stepCount = int(s.int64(9));
        f.promptTokens = s.optionalInt64(10);
        f.completionTokens = s.optionalInt64(11);
        f.cachedTokens = s.optionalInt64(12);
        f.reasoningTokens = s.optionalInt64(13);
        f.errorSignature = signatureOf(loading, s, 14, s.text(15));
        if (stored == StoredFacts::Ignore || !decodeCallFacts(s.blobView(16), loading.pool, f))
            loading.derivedRowIds.append(f.rowId);
        loading.add(std::move(f));
    });
}

// One tool call or return entry as read.
struct ToolEntry {
    qint64 dateMs = 0;
    qint64 seq = 0;
    qint64 rowId = 0;
    QString stepId;
    QList<QString> names;     ///< the calls of a call entry
    QString callId;
    bool isReturn = false;
    bool isError = false;
    QString errorSignature;
};

// Adds one run's tool entries in message order (date, then sequence).
void addToolEntries(LoadedRun &run, std::vector<ToolEntry> &entries)
{
    // Ties in time and sequence keep the order entries were stored in (rowid), as messages_run lists them;
    // the scan's index orders them alike except for such ties, so this mostly confirms the order.
    std::sort(entries.begin(), entries.end(), [](const ToolEntry &a, const ToolEntry &b) {
        return std::tie(a.dateMs, a.seq, a.rowId) < std::tie(b.dateMs, b.seq, b.rowId);
    });
    QList<ToolCallFact> &calls = run.facts.toolCalls;
    // Which call each id names; a later call with the same id wins, as in a map.
    QList<std::pair<QString, qsizetype>> byCallId;
    for (ToolEntry &e : entries) {
        if (!e.isReturn) {
            // The row keeps only the first call's id; later calls of the entry are matched by position.
            if (!e.callId.isEmpty() && !e.names.isEmpty())
                byCallId.emplaceBack(e.callId, calls.size());
            for (const QString &name : std::as_const(e.names)) {
                calls << ToolCallFact{name, false, {}, std::nullopt};
                run.callStepIds << e.stepId;
            }
            continue;
        }
        // A return answers its call by id, else (ids not reported) the latest call.
        qsizetype callIndex = -1;
        if (!e.callId.isEmpty()) {
            const auto match = std::find_if(byCallId.crbegin(), byCallId.crend(),
                                            [&e](const auto &entry) { return entry.first == e.callId; });
            if (match != byCallId.crend())
                callIndex = match->second;
        }
        if (callIndex < 0)
            callIndex = calls.size() - 1;
        if (callIndex >= 0 && e.isError) {
            calls[callIndex].error = true;
            calls[callIndex].errorSignature = std::move(e.errorSignature);
        }
    }
}

// The error text of a failed return written before schema 4 (no stored signature), read by rowid: the
// scan itself stays on the covering index.
class LegacyErrorText
{
public:
    explicit LegacyErrorText(store::Database &db) : m_db(db) { }

    Result<QString> read(qint64 messageRowId)
    {
        if (!m_stmt.has_value()) {
            auto stmt = m_db.prepare("SELECT substr(COALESCE(tool_text, text), 1, 400) FROM messages WHERE rowid = ?1");
            if (!stmt)
                return stmt.error();
            m_stmt = std::move(*stmt);
        }
        m_stmt->bind(1, messageRowId);
        auto row = m_stmt->step();
        if (!row)
            return row.error();
        QString text = *row ? m_stmt->text(0) : QString();
        m_stmt->reset();
        return text;
    }

private:
    store::Database &m_db;
    std::optional<store::Statement> m_stmt;
};

// Tool names of a call entry ("a,b"), empty parts skipped.
QList<QString> toolNames(TextPool &pool, QByteArrayView names)
{
    QList<QString> list;
    while (!names.isEmpty()) {
        const qsizetype comma = names.indexOf(',');
        const QByteArrayView name = comma < 0 ? names : names.first(comma);
        if (!name.isEmpty())
            list << pool.text(name);
        names = comma < 0 ? QByteArrayView() : names.sliced(comma + 1);
    }
    return list;
}

Status loadToolCalls(store::Database &db, const Scope &scope, Loading &loading)
{
    // Only tool call and return entries, and only columns of the messages_tool_entries index (migration
    // 004): the scan never reads message rows. CROSS JOIN keeps runs outermost, so a few changed runs are
    // found through the runs index and each run's entries arrive together.
    auto stmt = prepare(db,
                        u"SELECT r.rowid, m.rowid, m.date_ms, m.seq, m.step_id, m.tool_names, m.tool_call_id, "
                        "m.tool_status, m.tool_error_signature "
                        "FROM runs r CROSS JOIN messages m ON m.server_id = r.server_id AND m.run_id = r.id"_s
                            + scope.where
                            + (scope.where.isEmpty() ? u" WHERE "_s : u" AND "_s)
                            + u"(m.tool_names IS NOT NULL OR m.tool_status IS NOT NULL)"_s,
                        scope);
    if (!stmt)
        return stmt.error();
    LegacyErrorText legacyText(db);
    LoadedRun *current = nullptr;
    std::vector<ToolEntry> entries;
    Status failed = success();
    auto status = store::eachRow(*stmt, [&](const store::Statement &s) {
        LoadedRun *run = loading.find(s.int64(0));
        if (run != current) {
            if (current)
                addToolEntries(*current, entries);
            entries.clear();
            current = run;
        }
        if (!run || !failed)
            return;
        ToolEntry e;
        e.dateMs = s.optionalInt64(2).value_or(0);
        e.seq = s.int64(3);
        e.rowId = s.int64(1);
        e.stepId = s.text(4);
        e.callId = s.text(6);
        const QByteArrayView toolStatus = s.utf8(7);
        e.isReturn = !toolStatus.isEmpty();
        e.isError = toolStatus == "error";
        if (!e.isReturn)
            e.names = toolNames(loading.pool, s.utf8(5));
        if (e.isError) {
            if (!s.isNull(8)) {
                e.errorSignature = loading.pool.text(s.utf8(8));
            } else if (auto text = legacyText.read(s.int64(1)); text) {
                e.errorSignature = errorSignature(*text);
            } else {
                failed = text.error();
            }
        }
        entries.push_back(std::move(e));
    });
    if (!status)
        return status;
    if (!failed)
        return failed;
    if (current)
        addToolEntries(*current, entries);
    return success();
}

Status loadSteps(store::Database &db, const Scope &scope, Loading &loading)
{
    // Reads only columns of the steps_analytics index (migration 004).
    auto stmt = prepare(db,
                        u"SELECT r.rowid, s.id, s.model, s.prompt_tokens, s.completion_tokens, s.cached_tokens, "
                        "s.reasoning_tokens, s.tool_execution_ns "
                        "FROM runs r CROSS JOIN steps s ON s.server_id = r.server_id AND s.run_id = r.id"_s
                            + scope.where,
                        scope);
    if (!stmt)
        return stmt.error();
    auto add = [](std::optional<qint64> &sum, std::optional<qint64> value) {
        if (value)
            sum = sum.value_or(0) + *value;
    };
    return store::eachRow(*stmt, [&](const store::Statement &s) {
        LoadedRun *run = loading.find(s.int64(0));
        if (!run)
            return;
        QList<ModelTokens> &models = run->facts.modelTokens;
        const QString model = loading.pool.text(s.utf8(2));
        auto tokens = std::find_if(models.begin(), models.end(), [&model](const ModelTokens &t) { return t.model == model; });
        if (tokens == models.end()) {
            models << ModelTokens{model, {}, {}, {}, {}};
            tokens = models.end() - 1;
        }
        add(tokens->prompt, s.optionalInt64(3));
        add(tokens->completion, s.optionalInt64(4));
        add(tokens->cached, s.optionalInt64(5));
        add(tokens->reasoning, s.optionalInt64(6));
        // A step's tool time belongs to a tool only when the step made exactly one call; a step with
        // several calls reports one total that cannot be split honestly.
        const auto executionNs = s.optionalInt64(7);
        if (!executionNs)
            return;
        const QByteArrayView stepIdBytes = s.utf8(1);
        const QUtf8StringView stepId(stepIdBytes.data(), stepIdBytes.size());
        qsizetype call = -1;
        for (qsizetype i = 0; i < run->callStepIds.size(); ++i) {
            if (QAnyStringView::equal(run->callStepIds[i], stepId)) {
                if (call >= 0)
                    return; // a second call of this step
                call = i;
            }
        }
        if (call >= 0)
            run->facts.toolCalls[call].executionNs = executionNs;
    });
}

Result<RunFactsMap> load(store::Database &db, const Scope &scope, StoredFacts stored = StoredFacts::Read)
{
    Loading loading;
    if (auto status = loadRuns(db, scope, stored, loading); !status)
        return status.error();
    if (!loading.derivedRowIds.isEmpty()) {
        // The runs found are inside the scope already: their rowids alone select them.
        const Scope derived{u" WHERE r.rowid IN (SELECT value FROM json_each(?1))"_s, {jsonList(loading.derivedRowIds)}};
        if (auto status = loadToolCalls(db, derived, loading); !status)
            return status.error();
        if (auto status = loadSteps(db, derived, loading); !status)
            return status.error();
    }
    RunFactsMap facts;
    facts.reserve(qsizetype(loading.runs.size()));
    for (LoadedRun &run : loading.runs) {
        RunFacts &f = run.facts;
        // Steps are scanned in table order; sorting models keeps facts comparable between loads.
        std::sort(f.modelTokens.begin(), f.modelTokens.end(),
                  [](const ModelTokens &a, const ModelTokens &b) { return a.model < b.model; });
        facts.emplace(f.rowId, std::move(f));
    }
    return facts;
}

} // namespace

Result<RunFactsMap> loadRunFacts(store::Database &db, const AnalyticsFilter &filter)
{
    return load(db, buildScope(filter, filter.serverId, nullptr));
}

Result<QList<qint64>> loadRunRowIds(store::Database &db, qint64 serverId, const QSet<QString> &runIds)
{
    const Scope scope = buildScope({}, serverId, &runIds);
    auto stmt = prepare(db, u"SELECT r.rowid FROM runs r"_s + scope.where, scope);
    if (!stmt)
        return stmt.error();
    QList<qint64> rowIds;
    auto status = store::eachRow(*stmt, [&rowIds](const store::Statement &s) { rowIds << s.int64(0); });
    if (!status)
        return status.error();
    return rowIds;
}

Result<RunFactsMap> loadRunFacts(store::Database &db, const AnalyticsFilter &filter, qint64 serverId,
                                 const QSet<QString> &runIds)
{
    if (filter.serverId != 0 && filter.serverId != serverId)
        return RunFactsMap();
    return load(db, buildScope(filter, serverId, &runIds));
}

Result<RunFactsMap> deriveRunFacts(store::Database &db, qint64 serverId, const QSet<QString> &runIds)
{
    return load(db, buildScope({}, serverId, &runIds), StoredFacts::Ignore);
}

} // namespace lettascope::analytics
