// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/search/searchtypes.h"

#include <functional>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

class VectorIndex;

/**
 * Hybrid ranking of vector similarity and FTS5 keyword rank over summaries and trajectory text:
 *
 *     score = 0.6 · max(0, cos(q, v)) + 0.4 · bm25(q, d) / max bm25 over the candidates
 *
 * Candidates are the top N of each side under the filters (N = max(5 · limit, 50)); a candidate found
 * by one side still gets the other side's component (the cosine is computed exactly, a keyword miss is
 * 0). With no usable vectors (no embeddings for the model yet, or the query could not be embedded) the
 * keyword side alone ranks, and the reverse; results say so in `note`.
 *
 * Runs on the calling thread with its connection and index; neither is shared.
 */
class HybridSearch
{
public:
    using EmbedQuery = std::function<Result<QList<float>>(const QString &text)>;

    HybridSearch(store::Database &db, const VectorIndex *index, EmbedQuery embedQuery);

    Result<SearchResults> search(const SearchRequest &request);
    Result<Contrasts> contrasts(const SearchRequest &request);

    static constexpr double VectorWeight = 0.6;
    static constexpr double KeywordWeight = 0.4;

private:
    struct Query {
        std::optional<QList<float>> vector;
        QString fts;            ///< FTS5 OR-query, empty when there are no words
        QString note;
    };
    Result<Query> prepare(const SearchRequest &request);
    Result<SearchResults> rank(const Query &query, const SearchRequest &request);

    store::Database &m_db;
    const VectorIndex *m_index;
    EmbedQuery m_embedQuery;
};

/// "a" OR "b" OR "c*" from what a person typed (punctuation and FTS operators matched literally).
QString ftsAnyQuery(const QString &text, int maxTerms = 16);

} // namespace lettascope::trajectories
