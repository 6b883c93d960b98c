// SPDX-License-Identifier: MIT
#include "searchqueries.h"

#include "rowdecode.h"
#include "searchsnippet.h"
#include "store/eachrow.h"
#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace lettascope::store {

QString ftsQueryFor(const QString &text)
{
    QStringList terms;
    for (QString word : searchWords(text))
        terms << u'"' + word.replace(u'"', u"\"\""_s) + u'"';
    if (terms.isEmpty())
        return {};
    terms.last() += u'*';
    return terms.join(u' ');
}

Result<QList<MessageSearchHit>> searchMessages(Database &db, qint64 serverId, const QString &text, qint64 limit,
                                               qint64 offset)
{
    const QString fts = ftsQueryFor(text);
    const QStringList words = searchWords(text);
    if (fts.isEmpty())
        return QList<MessageSearchHit>();
    // The snippet is cut here, not by FTS5's snippet(), which is quadratic in the number of matches.
    const QByteArray sql = "SELECT " + QByteArray(kMessageColumns) + ", m.server_id, a.name, m.tool_text, "
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
    auto status = eachRow(*stmt, [&hits, &words](const Statement &s) {
        MessageSearchHit hit;
        int c = decodeMessage(s, 0, hit.message);
        hit.serverId = s.int64(c++);
        hit.agentName = s.text(c++);
        // Whichever column matched: the text first, else tool names, arguments and returns.
        hit.snippet = searchSnippet(hit.message.text, words);
        const QString toolText = s.text(c++);
        if (hit.snippet.isEmpty())
            hit.snippet = searchSnippet(toolText, words);
        hit.rank = s.real(c++);
        hits << hit;
    });
    if (!status)
        return status.error();
    return hits;
}

} // namespace lettascope::store
