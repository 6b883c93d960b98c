// SPDX-License-Identifier: MIT
#include "keywordquery.h"

#include "store/eachrow.h"
#include "store/sqlite.h"
#include "trajectories/stopwords.h"

#include <QRegularExpression>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;

QString KeywordQuery::fts() const
{
    QStringList phrases;
    for (const QString &word : words)
        phrases << u'"' + QString(word).replace(u'"', u"\"\""_s) + u'"';
    return phrases.join(u" OR "_s);
}

QStringList queryWords(const QString &text, int maxWords)
{
    static const QRegularExpression wordPattern(u"[\\w][\\w\\-]*"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList words;
    QStringList stopwords; // used only when the text has nothing else
    for (auto it = wordPattern.globalMatch(text); it.hasNext() && words.size() < maxWords;) {
        const QString word = it.next().captured().toLower();
        QStringList &into = isStopword(word) ? stopwords : words;
        if (!into.contains(word))
            into << word;
    }
    return words.isEmpty() ? stopwords.mid(0, maxWords) : words;
}

KeywordQuery pruneCommonWords(const QStringList &words, const QList<qint64> &documents, qint64 budget)
{
    Q_ASSERT(words.size() == documents.size());
    QList<qsizetype> order(words.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return documents[a] < documents[b]; });
    QList<bool> kept(words.size(), false);
    qint64 matched = 0;
    KeywordQuery query;
    for (qsizetype i : order) {
        matched += documents[i];
        if (matched > budget && i != order.first())
            query.ignored << words[i];
        else
            kept[i] = true;
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (kept[i])
            query.words << words[i]; // in the order typed, so the FTS query reads like the search
    }
    return query;
}

Result<QList<qint64>> documentFrequencies(Database &db, const QStringList &words)
{
    // A temp table: the cache may be opened read-only, and the vocabulary view stores nothing itself.
    if (auto s = db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.trajectories_fts_terms "
                         "USING fts5vocab(main, trajectories_fts, row)");
        !s)
        return s.error();
    // One lookup per word: "term = ?" is an index seek, "term IN (...)" a scan of the vocabulary.
    auto stmt = db.prepare("SELECT doc FROM temp.trajectories_fts_terms WHERE term = ?1");
    if (!stmt)
        return stmt.error();
    QList<qint64> documents;
    for (const QString &word : words) {
        stmt->reset();
        stmt->bind(1, word);
        auto row = stmt->step();
        if (!row)
            return row.error();
        documents << (*row ? stmt->int64(0) : 0);
    }
    return documents;
}

Result<QList<KeywordMatch>> keywordMatches(Database &db, const QString &fts)
{
    auto stmt = db.prepare("SELECT rowid, bm25(trajectories_fts, 2.0, 1.0) FROM trajectories_fts "
                           "WHERE trajectories_fts MATCH ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, fts);
    QList<KeywordMatch> matches;
    auto status = store::eachRow(*stmt, [&matches](const store::Statement &s) {
        matches << KeywordMatch{s.int64(0), -s.real(1)}; // bm25() is lower-is-better
    });
    if (!status)
        return status.error();
    return matches;
}

} // namespace lettascope::trajectories
