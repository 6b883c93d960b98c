// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/sqlite.h"
#include "trajectories/search/searchtypes.h"

#include <memory>
#include <optional>

namespace lettascope::trajectories {

class FilterIndex;
class HybridSearch;
class StageBackend;
class VectorIndex;

/**
 * Everything one thread needs to search: its own read connection, the vector index of the active
 * embedding model and the filter index (both refreshed before each query, so new embeddings, scores
 * and tags are found at once) and the backend
 * that embeds queries into that model's space. Switching models swaps the index; vectors of the old
 * model stay in the cache and come back if it is chosen again.
 */
class SearchSession
{
public:
    SearchSession(store::Database db, std::shared_ptr<StageBackend> embedder);
    ~SearchSession();
    SearchSession(const SearchSession &) = delete;
    SearchSession &operator=(const SearchSession &) = delete;

    static Result<std::unique_ptr<SearchSession>> open(const QString &cachePath, std::shared_ptr<StageBackend> embedder);

    void setEmbedder(std::shared_ptr<StageBackend> embedder);
    QString modelKey() const;

    Result<SearchResults> search(const SearchRequest &request);
    Result<Contrasts> contrasts(const SearchRequest &request);
    store::Database &database() { return m_db; }

private:
    Status refresh();
    HybridSearch hybridSearch();

    store::Database m_db;
    std::shared_ptr<StageBackend> m_embedder;
    std::unique_ptr<VectorIndex> m_index;
    std::unique_ptr<FilterIndex> m_filters;
    std::optional<qint64> m_refreshedAtVersion;    ///< PRAGMA data_version at the last refresh
};

} // namespace lettascope::trajectories
