// SPDX-License-Identifier: MIT
#include "catalogqueries.h"

#include "rowdecode.h"
#include "store/eachrow.h"
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
    auto status = eachRow(*stmt, [&rows](const Statement &s) {
        AgentSummary summary;
        int c = decodeAgent(s, 0, summary.agent);
        summary.serverId = s.int64(c++);
        summary.runCount = s.int64(c++);
        summary.failedRuns = s.int64(c++);
        summary.lastRunMs = s.optionalInt64(c++);
        summary.lastRunStopReason = s.text(c++);
        rows << summary;
    });
    if (!status)
        return status.error();
    return rows;
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
    auto status = eachRow(*stmt, [&revisions](const Statement &s) {
        AgentRevision revision;
        revision.revision = int(s.int64(0));
        revision.system = s.text(1);
        revision.model = s.text(2);
        for (const auto &tool : parseJsonArray(s.text(3)))
            revision.tools << tool.toString();
        revision.blocks = parseJsonObject(s.text(4));
        revision.firstSeenMs = s.int64(5);
        revision.lastSeenMs = s.int64(6);
        revisions << revision;
    });
    if (!status)
        return status.error();
    return revisions;
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
    auto status = eachRow(*stmt, [&jobs](const Statement &s) {
        Job job;
        decodeJob(s, 0, job);
        jobs << job;
    });
    if (!status)
        return status.error();
    return jobs;
}

Result<QList<Resource>> listResources(Database &db, qint64 serverId, ResourceKind kind)
{
    auto stmt = db.prepare("SELECT id, name, summary, raw FROM resources WHERE (?1 = 0 OR server_id = ?1) AND kind = ?2 "
                           "ORDER BY name COLLATE NOCASE, id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, resourceKindKey(kind));
    QList<Resource> resources;
    auto status = eachRow(*stmt, [&resources, kind](const Statement &s) {
        resources << Resource{kind, s.text(0), s.text(1), s.text(2), parseJsonObject(s.text(3))};
    });
    if (!status)
        return status.error();
    return resources;
}

} // namespace lettascope::store
