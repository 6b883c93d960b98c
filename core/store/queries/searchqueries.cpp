// SPDX-License-Identifier: MIT
#include "searchqueries.h"

#include "rowdecode.h"
#include "store/sqlite.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope::store {

QString ftsQueryFor(const QString &text)
{
    static const QRegularExpression words(u"[\\w][\\w.\\-/]*"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    for (auto it = words.globalMatch(text); it.hasNext();)
        terms << u'"' + it.next().captured().replace(u'"', u"\"\""_s) + u'"';
    if (terms.isEmpty())
        return {};
    terms.last() += u'*';
    return terms.join(u' ');
}

Result<QList<MessageSearchHit>> searchMessages(Database &db, qint64 serverId, const QString &text, qint64 limit,
                                               qint64 offset)
{
    const QString fts = ftsQueryFor(text);
    if (fts.isEmpty())
        return QList<MessageSearchHit>();
    // Snippet from whichever column matched: text first, else tool arguments/returns.
    const QByteArray sql = "SELECT " + QByteArray(kMessageColumns) + ", m.server_id, a.name, "
        "COALESCE(NULLIF(snippet(messages_fts, 0, '[', ']', '…', 12), ''), snippet(messages_fts, 1, '[', ']', '…', 12)), "
        "messages_fts.rank "
        "FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid "
        "LEFT JOIN agents a ON a.server_id = m.server_id AND a.id = m.agent_id "
        // `rank` (bm25 by default) lets FTS5 order inside the index instead of sorting every match.
        "WHERE messages_fts MATCH ?1 AND (?2 = 0 OR m.server_id = ?2) ORDER BY messages_fts.rank LIMIT ?3 OFFSET ?4";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, fts).bind(2, serverId).bind(3, limit).bind(4, offset);
    QList<MessageSearchHit> hits;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return hits;
        MessageSearchHit hit;
        int c = decodeMessage(*stmt, 0, hit.message);
        hit.serverId = stmt->int64(c++);
        hit.agentName = stmt->text(c++);
        hit.snippet = stmt->text(c++);
        hit.rank = stmt->real(c++);
        hits << hit;
    }
}

} // namespace lettascope::store
