// SPDX-License-Identifier: MIT
#include "hybridsearch.h"

#include "store/sqlite.h"
#include "trajectories/search/filterindex.h"
#include "trajectories/search/keywordquery.h"
#include "trajectories/search/vectorindex.h"
#include "trajectories/trajectoryqueries.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;

namespace {

struct Candidate {
    double vector = 0;
    double keywordRaw = 0;  // -bm25: higher is better
};

// The `count` best keyword matches among the allowed rows (all rows without a filter).
QList<KeywordMatch> bestMatches(const QList<KeywordMatch> &matches, int count, const QSet<qint64> *allowed)
{
    QList<KeywordMatch> best;
    if (allowed) {
        for (const KeywordMatch &m : matches) {
            if (allowed->contains(m.rowId))
                best << m;
        }
    } else {
        best = matches;
    }
    const auto better = [](const KeywordMatch &a, const KeywordMatch &b) {
        return a.rank > b.rank || (a.rank == b.rank && a.rowId < b.rowId);
    };
    const qsizetype n = std::min<qsizetype>(count, best.size());
    std::partial_sort(best.begin(), best.begin() + n, best.end(), better);
    best.resize(n);
    return best;
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

HybridSearch::HybridSearch(Database &db, const VectorIndex *index, const FilterIndex &filters, EmbedQuery embedQuery)
    : m_db(db)
    , m_index(index)
    , m_filters(filters)
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
    return matchKeywords(text, std::move(query));
}

Result<HybridSearch::Query> HybridSearch::matchKeywords(const QString &text, Query query)
{
    const QStringList words = queryWords(text);
    if (words.isEmpty())
        return query;
    auto documents = documentFrequencies(m_db, words);
    if (!documents)
        return documents.error();
    const KeywordQuery keywords = pruneCommonWords(words, *documents, m_keywordBudget);
    if (!keywords.ignored.isEmpty()) {
        const QString ignored = u"too common to match: %1"_s.arg(keywords.ignored.join(u", "_s));
        query.note = query.note.isEmpty() ? ignored : query.note + u"; "_s + ignored;
    }
    auto matches = keywordMatches(m_db, keywords.fts());
    if (!matches)
        return matches.error();
    query.keyword = std::move(matches).value();
    query.hasWords = true;
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
    if (!query.vector && !query.hasWords) {
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
    std::optional<QSet<qint64>> allowed;
    if (!request.filters.isEmpty())
        allowed = m_filters.allowed(request.filters);
    const QSet<qint64> *allowedPtr = allowed ? &*allowed : nullptr;
    QHash<qint64, Candidate> candidates;
    if (query.vector) {
        // One extra so excluding the query's own trajectory still leaves `pool`.
        for (const VectorHit &hit : m_index->search(*query.vector, pool + 1, allowedPtr))
            candidates[hit.rowId].vector = std::max(0.0f, hit.similarity);
        results.embeddingModel = m_index->modelKey();
    }
    for (const KeywordMatch &match : bestMatches(query.keyword, pool + 1, allowedPtr)) {
        Candidate &c = candidates[match.rowId];
        c.keywordRaw = match.rank;
        if (query.vector && c.vector == 0)
            c.vector = std::max(0.0f, m_index->similarity(*query.vector, match.rowId).value_or(0.0f));
    }
    if (request.likeTrajectory)
        candidates.remove(*request.likeTrajectory);

    double bestKeyword = 0;
    for (const Candidate &c : std::as_const(candidates))
        bestKeyword = std::max(bestKeyword, c.keywordRaw);
    const bool both = query.vector && query.hasWords;
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
