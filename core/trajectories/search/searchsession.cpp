// SPDX-License-Identifier: MIT
#include "searchsession.h"

#include "trajectories/processing/stagebackend.h"
#include "trajectories/search/hybridsearch.h"
#include "trajectories/search/vectorindex.h"

namespace lettascope::trajectories {

SearchSession::SearchSession(store::Database db, std::shared_ptr<StageBackend> embedder)
    : m_db(std::move(db))
{
    setEmbedder(std::move(embedder));
}

SearchSession::~SearchSession() = default;

Result<std::unique_ptr<SearchSession>> SearchSession::open(const QString &cachePath, std::shared_ptr<StageBackend> embedder)
{
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    return std::make_unique<SearchSession>(std::move(db).value(), std::move(embedder));
}

void SearchSession::setEmbedder(std::shared_ptr<StageBackend> embedder)
{
    m_embedder = std::move(embedder);
    const QString key = m_embedder ? m_embedder->embeddingModelKey() : QString();
    if (!m_index || m_index->modelKey() != key)
        m_index = std::make_unique<VectorIndex>(key);
}

QString SearchSession::modelKey() const
{
    return m_index->modelKey();
}

Status SearchSession::refresh()
{
    return m_index->refresh(m_db);
}

Result<SearchResults> SearchSession::search(const SearchRequest &request)
{
    if (auto s = refresh(); !s)
        return s.error();
    auto embedder = m_embedder;
    HybridSearch search(m_db, m_index.get(), [embedder](const QString &text) -> Result<QList<float>> {
        if (!embedder)
            return Error{ErrorKind::Unsupported, QStringLiteral("no embedding backend")};
        return embedder->embedQuery(text);
    });
    return search.search(request);
}

Result<Contrasts> SearchSession::contrasts(const SearchRequest &request)
{
    if (auto s = refresh(); !s)
        return s.error();
    auto embedder = m_embedder;
    HybridSearch search(m_db, m_index.get(), [embedder](const QString &text) -> Result<QList<float>> {
        if (!embedder)
            return Error{ErrorKind::Unsupported, QStringLiteral("no embedding backend")};
        return embedder->embedQuery(text);
    });
    return search.contrasts(request);
}

} // namespace lettascope::trajectories
