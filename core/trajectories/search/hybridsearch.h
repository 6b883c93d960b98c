// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/search/keywordquery.h"
#include "trajectories/search/searchtypes.h"

#include <functional>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

class FilterIndex;
class VectorIndex;

/**
 * Hybrid ranking of vector similarity and FTS5 keyword rank over summaries and trajectory text:
 *
 *     score = 0.6 · max(0, cos(q, v)) + 0.4 · bm25(q, d) / max bm25 over the candidates
 *
 * Candidates are the top N of each side under the filters (N = max(5 · limit, 50)); a candidate found
 * by one side still gets the other side's component (the cosine is computed exactly, a keyword miss is
 * 0). With no usable vectors (no embeddings for the model yet, or the query could not be embedded) the
 * keyword side alone ranks, and the reverse; results say so in `note`. The keyword side matches the
 * rarer words of the query when matching all would be slow (KeywordQuery); the note names the rest.
 * Keyword matches are scored once per query and filtered in memory, so the three contrast bands and
 * any filter cost no second full-text query.
 *
 * Runs on the calling thread with its connection and indexes; none is shared.
 */
class HybridSearch
{
public:
    using EmbedQuery = std::function<Result<QList<float>>(const QString &text)>;

    /// `index` and `filters` are refreshed by the caller, with `db`.
    HybridSearch(store::Database &db, const VectorIndex *index, const FilterIndex &filters, EmbedQuery embedQuery);

    Result<SearchResults> search(const SearchRequest &request);
    Result<Contrasts> contrasts(const SearchRequest &request);
    /// Documents the keyword side may match before common words are left out (see KeywordQuery).
    void setKeywordMatchBudget(qint64 documents) { m_keywordBudget = documents; }

    static constexpr double VectorWeight = 0.6;
    static constexpr double KeywordWeight = 0.4;

private:
    struct Query {
        std::optional<QList<float>> vector;
        bool hasWords = false;              ///< the keyword side ran (it may have matched nothing)
        QList<KeywordMatch> keyword;        ///< every keyword match, unfiltered: contrasts filter it per band
        QString note;
    };
    Result<Query> prepare(const SearchRequest &request);
    Result<Query> matchKeywords(const QString &text, Query query);
    Result<SearchResults> rank(const Query &query, const SearchRequest &request);

    store::Database &m_db;
    const VectorIndex *m_index;
    const FilterIndex &m_filters;
    EmbedQuery m_embedQuery;
    qint64 m_keywordBudget = KeywordMatchBudget;
};

} // namespace lettascope::trajectories
