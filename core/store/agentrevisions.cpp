// SPDX-License-Identifier: MIT
#include "agentrevisions.h"

#include "jsontext.h"
#include "sqlite.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

struct RevisionFields {
    QByteArray tools;
    QByteArray blocks;
    QByteArray llmConfig;
};

RevisionFields revisionFields(const Agent &agent)
{
    QStringList toolNames;
    for (const auto &tool : agent.tools)
        toolNames << tool.name;
    std::sort(toolNames.begin(), toolNames.end());
    QJsonObject blocks;
    for (const auto &block : agent.blocks)
        blocks.insert(block.label, block.value);
    // QJsonObject keeps keys sorted, so the text is canonical.
    return {jsonText(QJsonArray::fromStringList(toolNames)), jsonText(blocks), jsonText(agent.llmConfig)};
}

} // namespace

QString agentRevisionFingerprint(const Agent &agent)
{
    const RevisionFields fields = revisionFields(agent);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(agent.system.toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(agent.model.toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(fields.tools);
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(fields.blocks);
    return QString::fromLatin1(hash.result().toHex());
}

Status recordAgentRevision(Database &db, qint64 serverId, const Agent &agent, qint64 nowMs)
{
    const QString fingerprint = agentRevisionFingerprint(agent);
    auto latest = db.cached("SELECT revision, fingerprint FROM agent_revisions WHERE server_id = ?1 AND agent_id = ?2 "
                            "ORDER BY revision DESC LIMIT 1");
    if (!latest)
        return latest.error();
    (*latest)->bind(1, serverId).bind(2, agent.id);
    auto row = (*latest)->step();
    if (!row)
        return row.error();
    const int latestRevision = *row ? int((*latest)->int64(0)) : 0;
    const bool unchanged = *row && (*latest)->text(1) == fingerprint;
    (*latest)->reset();

    if (unchanged) {
        auto touch = db.cached("UPDATE agent_revisions SET last_seen_ms = max(last_seen_ms, ?4) "
                               "WHERE server_id = ?1 AND agent_id = ?2 AND revision = ?3");
        if (!touch)
            return touch.error();
        (*touch)->bind(1, serverId).bind(2, agent.id).bind(3, latestRevision).bind(4, nowMs);
        return (*touch)->run();
    }
    const RevisionFields fields = revisionFields(agent);
    auto insert = db.cached(
        "INSERT INTO agent_revisions(server_id, agent_id, revision, fingerprint, system, model, tools, blocks, "
        "llm_config, first_seen_ms, last_seen_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)");
    if (!insert)
        return insert.error();
    Statement &s = **insert;
    s.bind(1, serverId).bind(2, agent.id).bind(3, latestRevision + 1).bind(4, fingerprint).bind(5, agent.system);
    s.bind(6, agent.model).bind(7, fields.tools).bind(8, fields.blocks).bind(9, fields.llmConfig).bind(10, nowMs);
    return s.run();
}

} // namespace lettascope::store
