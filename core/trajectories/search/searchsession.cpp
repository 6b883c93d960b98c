// SPDX-License-Identifier: MIT
#include "searchsession.h"

#include "trajectories/processing/stagebackend.h"
#include "trajectories/search/filterindex.h"
#include "trajectories/search/hybridsearch.h"
#include "trajectories/search/vectorindex.h"

namespace lettascope::trajectories {

SearchSession::SearchSession(store::Database db, std::shared_ptr<StageBackend> embedder)
    : m_db(std::move(db))
    , m_filters(std::make_unique<FilterIndex>())
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
    if (!m_index || m_index->modelKey() != key) {
        m_index = std::make_unique<VectorIndex>(key);
        m_refreshedAtVersion.reset();
    }
}

QString SearchSession::modelKey() const
{
    return m_index->modelKey();
}

Status SearchSession::refresh()
{
    // data_version moves only when another connection commits: unchanged, both indexes are current and
    // a search skips the two counts that would tell (a few ms each at 100,000 trajectories).
    auto version = m_db.prepare("PRAGMA data_version");
    if (!version)
        return version.error();
    if (auto row = version->step(); !row)
        return row.error();
    const qint64 current = version->int64(0);
    if (m_refreshedAtVersion == current)
        return success();
    if (auto s = m_index->refresh(m_db); !s)
        return s;
    if (auto s = m_filters->refresh(m_db); !s)
        return s;
    m_refreshedAtVersion = current;
    return success();
}

HybridSearch SearchSession::hybridSearch()
{
    auto embedder = m_embedder;
    return HybridSearch(m_db, m_index.get(), *m_filters, [embedder](const QString &text) -> Result<QList<float>> {
        if (!embedder)
            return Error{ErrorKind::Unsupported, QStringLiteral("no embedding backend")};
        return embedder->embedQuery(text);
    });
}

Result<SearchResults> SearchSession::search(const SearchRequest &request)
{
    if (auto s = refresh(); !s)
        return s.error();
    return hybridSearch().search(request);
}

Result<Contrasts> SearchSession::contrasts(const SearchRequest &request)
{
    if (auto s = refresh(); !s)
        return s.error();
    return hybridSearch().contrasts(request);
}

} // namespace lettascope::trajectories
