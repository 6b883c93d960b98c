// SPDX-License-Identifier: MIT
#include "hybridsearch.h"

#include "store/sqlite.h"
#include "trajectories/search/vectorindex.h"
#include "trajectories/stopwords.h"
#include "trajectories/trajectoryqueries.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;

QString ftsAnyQuery(const QString &text, int maxTerms)
{
    static const QRegularExpression words(u"[\\w][\\w\\-]*"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    QStringList stopwords; // used only when the text has nothing else ("to be or not to be")
    for (auto it = words.globalMatch(text); it.hasNext() && terms.size() < maxTerms;) {
        const QString word = it.next().captured().toLower();
        const QString quoted = u'"' + QString(word).replace(u'"', u"\"\""_s) + u'"';
        QStringList &into = isStopword(word) ? stopwords : terms;
        if (!into.contains(quoted))
            into << quoted;
    }
    return (terms.isEmpty() ? stopwords.mid(0, maxTerms) : terms).join(u" OR "_s);
}

namespace {

struct Candidate {
    double vector = 0;
    double keywordRaw = 0;  // -bm25: higher is better
};

Result<QSet<qint64>> allowedRows(Database &db, const TrajectoryFilters &filters)
{
    const FilterSql where = filterSql(filters);
    auto stmt = db.prepare((u"SELECT t.rowid FROM trajectories t"_s + where.where).toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    QSet<qint64> rows;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        rows.insert(stmt->int64(0));
    }
}

Status keywordCandidates(Database &db, const QString &fts, const TrajectoryFilters &filters, int pool,
                         QHash<qint64, Candidate> &out)
{
    FilterSql where = filterSql(filters, 3);
    if (!where.where.isEmpty())
        where.where.replace(0, 7, u" AND "_s); // " WHERE " -> " AND "
    // The summary weighs twice the raw text: it is what the trajectory was about.
    const QString sql = u"SELECT t.rowid, bm25(trajectories_fts, 2.0, 1.0) AS rank FROM trajectories_fts "
                        "JOIN trajectories t ON t.rowid = trajectories_fts.rowid WHERE trajectories_fts MATCH ?1"_s
        + where.where + u" ORDER BY rank LIMIT ?2"_s;
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, fts).bind(2, pool);
    where.bind(*stmt, 3);
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return success();
        out[stmt->int64(0)].keywordRaw = -stmt->real(1);
    }
}

Result<QString> summaryOf(Database &db, qint64 rowId)
{
    auto stmt = db.prepare("SELECT coalesce(summary, search_text) FROM trajectories WHERE rowid = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->text(0).left(600) : QString();
}

} // namespace

HybridSearch::HybridSearch(Database &db, const VectorIndex *index, EmbedQuery embedQuery)
    : m_db(db)
    , m_index(index)
    , m_embedQuery(std::move(embedQuery))
{
}

Result<HybridSearch::Query> HybridSearch::prepare(const SearchRequest &request)
{
    Query query;
    QString text = request.text;
    const bool haveIndex = m_index && m_index->size() > 0;
    if (request.likeTrajectory) {
        if (haveIndex)
            query.vector = m_index->vectorOf(*request.likeTrajectory);
        if (text.isEmpty()) {
            auto summary = summaryOf(m_db, *request.likeTrajectory);
            if (!summary)
                return summary.error();
            text = *summary;
        }
        if (!query.vector)
            query.note = u"this trajectory has no embedding yet: similar runs are found by keywords"_s;
        // With a vector, keywords from a whole summary add noise rather than focus.
        if (query.vector && request.text.isEmpty())
            text.clear();
    } else if (!text.trimmed().isEmpty() && haveIndex && m_embedQuery) {
        auto vector = m_embedQuery(text);
        if (!vector)
            query.note = u"keyword search only: the query could not be embedded (%1)"_s.arg(vector.error().message);
        else if (vector->size() != m_index->dim())
            query.note = u"keyword search only: the query embedding has %1 dimensions, the index %2"_s.arg(vector->size()).arg(m_index->dim());
        else
            query.vector = *vector;
    } else if (!text.trimmed().isEmpty() && !haveIndex) {
        query.note = u"keyword search only: no trajectory has an embedding for this model yet"_s;
    }
    query.fts = ftsAnyQuery(text);
    return query;
}

Result<SearchResults> HybridSearch::search(const SearchRequest &request)
{
    auto query = prepare(request);
    if (!query)
        return query.error();
    return rank(*query, request);
}

Result<SearchResults> HybridSearch::rank(const Query &query, const SearchRequest &request)
{
    SearchResults results;
    results.note = query.note;
    const int limit = std::max(1, request.limit);
    if (!query.vector && query.fts.isEmpty()) {
        // Nothing to match: the newest trajectories under the filters.
        TrajectoryQuery list;
        list.filters = request.filters;
        list.limit = limit;
        auto rows = listTrajectories(m_db, list);
        if (!rows)
            return rows.error();
        for (const TrajectoryRow &row : *rows)
            results.hits << SearchHit{row, 0, 0, 0};
        return results;
    }
    const int pool = std::max(limit * 5, 50);
    QHash<qint64, Candidate> candidates;
    if (query.vector) {
        std::optional<QSet<qint64>> allowed;
        if (!request.filters.isEmpty()) {
            auto rows = allowedRows(m_db, request.filters);
            if (!rows)
                return rows.error();
            allowed = std::move(rows).value();
        }
        // One extra so excluding the query's own trajectory still leaves `pool`.
        for (const VectorHit &hit : m_index->search(*query.vector, pool + 1, allowed ? &*allowed : nullptr))
            candidates[hit.rowId].vector = std::max(0.0f, hit.similarity);
        results.embeddingModel = m_index->modelKey();
    }
    if (!query.fts.isEmpty()) {
        QHash<qint64, Candidate> keyword;
        if (auto s = keywordCandidates(m_db, query.fts, request.filters, pool + 1, keyword); !s)
            return s.error();
        for (auto it = keyword.cbegin(); it != keyword.cend(); ++it) {
            Candidate &c = candidates[it.key()];
            c.keywordRaw = it->keywordRaw;
            if (query.vector && c.vector == 0)
                c.vector = std::max(0.0f, m_index->similarity(*query.vector, it.key()).value_or(0.0f));
        }
    }
    if (request.likeTrajectory)
        candidates.remove(*request.likeTrajectory);

    double bestKeyword = 0;
    for (const Candidate &c : std::as_const(candidates))
        bestKeyword = std::max(bestKeyword, c.keywordRaw);
    const bool both = query.vector && !query.fts.isEmpty();
    QList<SearchHit> ranked;
    ranked.reserve(candidates.size());
    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        SearchHit hit;
        hit.row.rowId = it.key();
        hit.vector = it->vector;
        hit.keyword = bestKeyword > 0 ? it->keywordRaw / bestKeyword : 0;
        hit.score = both ? VectorWeight * hit.vector + KeywordWeight * hit.keyword : query.vector ? hit.vector : hit.keyword;
        ranked << hit;
    }
    std::sort(ranked.begin(), ranked.end(), [](const SearchHit &a, const SearchHit &b) {
        return a.score > b.score || (a.score == b.score && a.row.rowId < b.row.rowId);
    });
    ranked = ranked.mid(0, limit);
    QList<qint64> ids;
    for (const SearchHit &hit : ranked)
        ids << hit.row.rowId;
    auto rows = trajectoryRows(m_db, ids);
    if (!rows)
        return rows.error();
    QHash<qint64, TrajectoryRow> byId;
    for (const TrajectoryRow &row : *rows)
        byId.insert(row.rowId, row);
    for (SearchHit &hit : ranked) {
        if (const auto it = byId.constFind(hit.row.rowId); it != byId.constEnd()) {
            hit.row = *it;
            results.hits << hit;
        }
    }
    return results;
}

Result<Contrasts> HybridSearch::contrasts(const SearchRequest &request)
{
    auto query = prepare(request);
    if (!query)
        return query.error();
    Contrasts out;
    out.note = query->note;
    struct Band {
        QList<SearchHit> *target;
        std::optional<double> min;
        bool minExclusive;
        std::optional<double> max;
        bool maxExclusive;
    };
    // The bands meet without a gap: 0.3 is a failure, 0.7 a success, everything between is moderate.
    const Band bands[] = {{&out.successes, SuccessThreshold, false, std::nullopt, false},
                          {&out.moderate, FailureThreshold, true, SuccessThreshold, true},
                          {&out.failures, std::nullopt, false, FailureThreshold, false}};
    for (const Band &band : bands) {
        SearchRequest banded = request;
        TrajectoryFilters &f = banded.filters;
        // A band narrows the caller's own score range, never widens it.
        f.minScore = band.min ? std::max(band.min.value(), f.minScore.value_or(0.0)) : f.minScore.value_or(0.0);
        f.minExclusive = band.min && band.minExclusive && f.minScore == band.min;
        f.maxScore = band.max ? std::min(band.max.value(), f.maxScore.value_or(1.0)) : f.maxScore.value_or(1.0);
        f.maxExclusive = band.max && band.maxExclusive && f.maxScore == band.max;
        auto ranked = rank(*query, banded);
        if (!ranked)
            return ranked.error();
        *band.target = ranked->hits;
        if (out.embeddingModel.isEmpty())
            out.embeddingModel = ranked->embeddingModel;
    }
    return out;
}

} // namespace lettascope::trajectories
