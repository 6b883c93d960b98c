// SPDX-License-Identifier: MIT
#include "catalogqueries.h"

#include "rowdecode.h"
#include "store/jsontext.h"
#include "store/sqlite.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::store {

Result<QList<AgentSummary>> listAgents(Database &db, qint64 serverId)
{
    // Run counts come from the runs_agent_created index; the newest run gives last run and stop reason.
    const QByteArray sql = "SELECT " + QByteArray(kAgentColumns) + ", a.server_id, "
        "(SELECT count(*) FROM runs r WHERE r.server_id = a.server_id AND r.agent_id = a.id), "
        "(SELECT count(*) FROM runs r WHERE r.server_id = a.server_id AND r.agent_id = a.id AND r.status = 'failed'), "
        "(SELECT max(created_ms) FROM runs r WHERE r.server_id = a.server_id AND r.agent_id = a.id), "
        "(SELECT stop_reason FROM runs r WHERE r.server_id = a.server_id AND r.agent_id = a.id "
        "  ORDER BY created_ms DESC LIMIT 1) "
        "FROM agents a WHERE (?1 = 0 OR a.server_id = ?1) ORDER BY a.name COLLATE NOCASE, a.id";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId);
    QList<AgentSummary> rows;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        AgentSummary summary;
        int c = decodeAgent(*stmt, 0, summary.agent);
        summary.serverId = stmt->int64(c++);
        summary.runCount = stmt->int64(c++);
        summary.failedRuns = stmt->int64(c++);
        summary.lastRunMs = stmt->optionalInt64(c++);
        summary.lastRunStopReason = stmt->text(c++);
        rows << summary;
    }
}

Result<std::optional<Agent>> findAgent(Database &db, qint64 serverId, const QString &agentId)
{
    const QByteArray sql = "SELECT " + QByteArray(kAgentColumns) + " FROM agents a WHERE a.server_id = ?1 AND a.id = ?2";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, agentId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Agent>();
    Agent agent;
    decodeAgent(*stmt, 0, agent);
    return std::optional<Agent>(agent);
}

Result<QList<AgentRevision>> agentRevisions(Database &db, qint64 serverId, const QString &agentId)
{
    auto stmt = db.prepare("SELECT revision, system, model, tools, blocks, first_seen_ms, last_seen_ms "
                           "FROM agent_revisions WHERE server_id = ?1 AND agent_id = ?2 ORDER BY revision");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, agentId);
    QList<AgentRevision> revisions;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return revisions;
        AgentRevision revision;
        revision.revision = int(stmt->int64(0));
        revision.system = stmt->text(1);
        revision.model = stmt->text(2);
        for (const auto &tool : parseJsonArray(stmt->text(3)))
            revision.tools << tool.toString();
        revision.blocks = parseJsonObject(stmt->text(4));
        revision.firstSeenMs = stmt->int64(5);
        revision.lastSeenMs = stmt->int64(6);
        revisions << revision;
    }
}

Result<QList<Job>> listJobs(Database &db, const JobQuery &query)
{
    const QByteArray sql = "SELECT " + QByteArray(kJobColumns)
        + " FROM jobs j WHERE (?1 = 0 OR j.server_id = ?1) AND (?2 IS NULL OR j.status = ?2) "
          "AND (?3 IS NULL OR j.created_ms >= ?3) ORDER BY j.created_ms DESC, j.id DESC LIMIT ?4 OFFSET ?5";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, query.serverId).bind(2, query.status.isEmpty() ? QString() : query.status).bind(3, query.sinceMs);
    stmt->bind(4, query.limit).bind(5, query.offset);
    QList<Job> jobs;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return jobs;
        Job job;
        decodeJob(*stmt, 0, job);
        jobs << job;
    }
}

Result<QList<Resource>> listResources(Database &db, qint64 serverId, ResourceKind kind)
{
    auto stmt = db.prepare("SELECT id, name, summary, raw FROM resources WHERE (?1 = 0 OR server_id = ?1) AND kind = ?2 "
                           "ORDER BY name COLLATE NOCASE, id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, resourceKindKey(kind));
    QList<Resource> resources;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return resources;
        resources << Resource{kind, stmt->text(0), stmt->text(1), stmt->text(2), parseJsonObject(stmt->text(3))};
    }
}

} // namespace lettascope::store
