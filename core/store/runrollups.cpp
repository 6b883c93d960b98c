// SPDX-License-Identifier: MIT
#include "runrollups.h"

#include "eachrow.h"
#include "sqlite.h"

#include <QStringList>

#include <set>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

Result<QString> toolsUsed(Database &db, qint64 serverId, const QString &runId)
{
    auto stmt = db.cached("SELECT tool_names FROM messages WHERE server_id = ?1 AND run_id = ?2 "
                          "AND tool_names IS NOT NULL");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, serverId).bind(2, runId);
    std::set<QString> names;
    auto status = eachRow(**stmt, [&names](const Statement &s) {
        const auto parts = s.text(0).split(u',', Qt::SkipEmptyParts);
        names.insert(parts.begin(), parts.end());
    });
    if (!status)
        return status.error();
    (*stmt)->reset();
    if (names.empty())
        return QString();
    return QStringList(names.begin(), names.end()).join(u',');
}

} // namespace

Status refreshRunRollups(Database &db, qint64 serverId, const QSet<QString> &runIds, qint64 changeSeq)
{
    // SUM() over only NULLs stays NULL, which the UI shows as "not reported" rather than 0.
    auto update = db.cached(
        "UPDATE runs SET "
        "(step_count, prompt_tokens, completion_tokens, total_tokens, cached_tokens, reasoning_tokens) = "
        "(SELECT count(*), sum(prompt_tokens), sum(completion_tokens), "
        "  sum(COALESCE(total_tokens, prompt_tokens + completion_tokens)), sum(cached_tokens), sum(reasoning_tokens) "
        "  FROM steps WHERE server_id = ?1 AND run_id = ?2), "
        "(message_count, tool_errors, last_activity_ms) = "
        "(SELECT count(*), count(CASE WHEN tool_status = 'error' THEN 1 END), max(date_ms) "
        "  FROM messages WHERE server_id = ?1 AND run_id = ?2), "
        "tools_used = ?3, change_seq = ?4 "
        "WHERE server_id = ?1 AND id = ?2 RETURNING agent_id");
    auto fillSteps = db.cached("UPDATE steps SET agent_id = ?3 WHERE server_id = ?1 AND run_id = ?2 AND agent_id IS NULL");
    auto fillMessages =
        db.cached("UPDATE messages SET agent_id = ?3 WHERE server_id = ?1 AND run_id = ?2 AND agent_id IS NULL");
    if (!update)
        return update.error();
    if (!fillSteps)
        return fillSteps.error();
    if (!fillMessages)
        return fillMessages.error();

    for (const QString &runId : runIds) {
        auto tools = toolsUsed(db, serverId, runId);
        if (!tools)
            return tools.error();
        Statement &s = **update;
        s.bind(1, serverId).bind(2, runId).bind(3, *tools).bind(4, changeSeq);
        auto row = s.step();
        if (!row)
            return row.error();
        const QString agentId = *row ? s.text(0) : QString();
        s.reset();
        if (agentId.isEmpty())
            continue; // the run is not cached (yet): its steps/messages arrived first
        for (Statement *fill : {*fillSteps, *fillMessages}) {
            fill->bind(1, serverId).bind(2, runId).bind(3, agentId);
            if (auto status = fill->run(); !status)
                return status;
        }
    }
    return success();
}

} // namespace lettascope::store
