// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <vector>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/// (row id, cosine similarity), best first.
struct VectorHit {
    qint64 rowId = 0;
    float similarity = 0;
};

/**
 * The vectors of one embedding model, in memory, searched exactly. One index per model key: vectors of
 * different models are never compared. Exact search over a contiguous float array is ~5 ms for 100,000
 * 256-dimensional vectors on one core, needs no build step, no tuning and no persistence, and its recall
 * is 1 by construction (docs/ARCHITECTURE.md says when an ANN index would pay off).
 *
 * Not thread-safe: owned and used by one thread (the search worker, or a CLI command).
 */
class VectorIndex
{
public:
    explicit VectorIndex(QString modelKey) : m_modelKey(std::move(modelKey)) { }

    const QString &modelKey() const { return m_modelKey; }
    int dim() const { return m_dim; }
    qsizetype size() const { return qsizetype(m_rowIds.size()); }

    /// Loads what was embedded since the last refresh (everything the first time). Cheap when nothing changed.
    Status refresh(store::Database &db);

    /// Top `k` by cosine similarity; when `allowed` is given, only rows in it (a filter's result).
    QList<VectorHit> search(const QList<float> &query, int k, const QSet<qint64> *allowed = nullptr) const;
    /// Similarity of the query to one row; nullopt when the row has no vector in this index.
    std::optional<float> similarity(const QList<float> &query, qint64 rowId) const;
    std::optional<QList<float>> vectorOf(qint64 rowId) const;

private:
    void upsert(qint64 rowId, const float *vector);
    float dot(const float *a, const float *b) const;

    QString m_modelKey;
    int m_dim = 0;
    qint64 m_seq = 0;
    std::vector<float> m_vectors;       ///< size() × dim, row-major
    std::vector<qint64> m_rowIds;
    QHash<qint64, qsizetype> m_slotOf;
};

} // namespace lettascope::trajectories
