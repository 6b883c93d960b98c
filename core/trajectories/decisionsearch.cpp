// SPDX-License-Identifier: MIT
#include "decisionsearch.h"

#include "store/eachrow.h"
#include "store/sqlite.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
constexpr int kMaxWords = 8;

QStringList wordsOf(const QString &text)
{
    static const QRegularExpression separators(u"[^\\w]+"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList words;
    for (const QString &word : text.toLower().split(separators, Qt::SkipEmptyParts)) {
        if (word.size() >= 2 && !words.contains(word))
            words << word;
        if (words.size() == kMaxWords)
            break;
    }
    return words;
}

/// LIKE patterns match literally: the word's own % and _ are escaped.
QString likePattern(QString word)
{
    word.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + word + u'%';
}
} // namespace

Result<QList<DecisionHit>> searchDecisions(store::Database &db, const DecisionQuery &query)
{
    const QStringList words = wordsOf(query.text);
    if (words.isEmpty())
        return QList<DecisionHit>();
    // One term per word: 1 when any of the decision's texts contains it. The sum ranks, and 0 filters.
    QStringList terms;
    for (int i = 0; i < words.size(); ++i) {
        const QString p = u"?%1"_s.arg(i + 10);
        terms << u"(lower(d.action || ' ' || coalesce(d.arguments, '') || ' ' || coalesce(d.error_type, '') || ' ' "
                 "|| coalesce(d.result_summary, '')) LIKE %1 ESCAPE '\\')"_s.arg(p);
    }
    QString agents;
    for (int i = 0; i < query.agentIds.size(); ++i)
        agents += (i ? u", ?"_s : u"?"_s) + QString::number(i + 10 + words.size());
    const QString sql =
        u"SELECT * FROM (SELECT d.decision_index, d.turn_index, d.action, d.arguments, d.success, d.error_type, "
        "d.result_summary, d.tool_call_id, t.run_id, t.id, t.agent_id, t.created_ms, (%1) AS matched "
        "FROM trajectory_decisions d JOIN trajectories t ON t.rowid = d.trajectory_id "
        "WHERE (coalesce(?1, '') = '' OR d.action = ?1) AND (?2 IS NULL OR d.success = ?2) AND (?4 = 0 OR t.server_id = ?4) %2) "
        "WHERE matched > 0 ORDER BY matched DESC, created_ms DESC LIMIT ?3"_s
            .arg(terms.join(u" + "_s), agents.isEmpty() ? QString() : u"AND t.agent_id IN (%1)"_s.arg(agents));
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, query.action).bind(3, query.limit).bind(4, query.serverId);
    if (query.success)
        stmt->bind(2, *query.success ? 1 : 0);
    for (int i = 0; i < words.size(); ++i)
        stmt->bind(i + 10, likePattern(words[i]));
    for (int i = 0; i < query.agentIds.size(); ++i)
        stmt->bind(i + 10 + int(words.size()), query.agentIds[i]);
    QList<DecisionHit> hits;
    const auto visit = [&hits, &words](const store::Statement &s) {
        DecisionHit hit;
        hit.decision.decisionIndex = int(s.int64(0));
        hit.decision.turnIndex = int(s.int64(1));
        hit.decision.action = s.text(2);
        hit.decision.arguments = s.text(3);
        if (!s.isNull(4))
            hit.decision.success = s.int64(4) != 0;
        hit.decision.errorType = s.text(5);
        hit.decision.resultSummary = s.text(6);
        hit.decision.toolCallId = s.text(7);
        hit.runId = s.text(8);
        hit.trajectoryId = s.text(9);
        hit.agentId = s.text(10);
        if (!s.isNull(11))
            hit.createdMs = s.int64(11);
        hit.similarity = double(s.int64(12)) / double(words.size());
        hits << hit;
    };
    if (auto status = store::eachRow(*stmt, visit); !status)
        return status.error();
    return hits;
}

} // namespace lettascope::trajectories
