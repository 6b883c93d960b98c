// SPDX-License-Identifier: MIT
#include "vectorindex.h"

#include "store/eachrow.h"
#include "store/sqlite.h"

#include <QSet>

#include <algorithm>
#include <queue>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

Status VectorIndex::refresh(store::Database &db)
{
    auto latest = db.prepare("SELECT max(seq), count(*) FROM trajectory_embeddings WHERE model_key = ?1");
    if (!latest)
        return latest.error();
    latest->bind(1, m_modelKey);
    auto row = latest->step();
    if (!row)
        return row.error();
    const qint64 maxSeq = latest->int64(0);
    const qint64 count = latest->int64(1);
    if (maxSeq == m_seq && count == size())
        return success();
    if (count < size()) {
        // Rows were deleted (their vectors cascade away without a new seq): start over.
        *this = VectorIndex(m_modelKey);
    }
    auto stmt = db.prepare("SELECT trajectory_id, dim, vector, seq FROM trajectory_embeddings "
                           "WHERE model_key = ?1 AND seq > ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_modelKey).bind(2, m_seq);
    auto status = store::eachRow(*stmt, [this](const store::Statement &s) {
        const int dim = int(s.int64(1));
        const QByteArray blob = s.blob(2);
        if (m_dim == 0)
            m_dim = dim;
        // A vector of another size cannot share this space (a model renamed in place); it is skipped.
        if (dim != m_dim || blob.size() != qsizetype(dim * sizeof(float)))
            return;
        upsert(s.int64(0), reinterpret_cast<const float *>(blob.constData()));
        m_seq = std::max(m_seq, s.int64(3));
    });
    if (!status)
        return status;
    m_seq = std::max(m_seq, maxSeq);
    return success();
}

void VectorIndex::upsert(qint64 rowId, const float *vector)
{
    qsizetype slot = m_slotOf.value(rowId, -1);
    if (slot < 0) {
        slot = size();
        m_slotOf.insert(rowId, slot);
        m_rowIds.push_back(rowId);
        m_vectors.resize(m_vectors.size() + size_t(m_dim));
    }
    std::copy(vector, vector + m_dim, m_vectors.begin() + slot * m_dim);
}

float VectorIndex::dot(const float *a, const float *b) const
{
    // Eight independent partial sums let the compiler vectorise without -ffast-math.
    float s[8] = {};
    int i = 0;
    for (; i + 8 <= m_dim; i += 8) {
        for (int j = 0; j < 8; ++j)
            s[j] += a[i + j] * b[i + j];
    }
    float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; i < m_dim; ++i)
        sum += a[i] * b[i];
    return sum;
}

QList<VectorHit> VectorIndex::search(const QList<float> &query, int k, const QSet<qint64> *allowed) const
{
    if (query.size() != m_dim || m_dim == 0 || k <= 0)
        return {};
    auto better = [](const VectorHit &a, const VectorHit &b) {
        return a.similarity > b.similarity || (a.similarity == b.similarity && a.rowId < b.rowId);
    };
    // A min-heap of the best k so far: its top is the one to beat.
    std::priority_queue<VectorHit, std::vector<VectorHit>, decltype(better)> best(better);
    const float *q = query.constData();
    const qsizetype n = size();
    for (qsizetype slot = 0; slot < n; ++slot) {
        const qint64 rowId = m_rowIds[size_t(slot)];
        if (allowed && !allowed->contains(rowId))
            continue;
        const float sim = dot(q, m_vectors.data() + slot * m_dim);
        if (qsizetype(best.size()) < k) {
            best.push({rowId, sim});
        } else if (better({rowId, sim}, best.top())) {
            best.pop();
            best.push({rowId, sim});
        }
    }
    QList<VectorHit> hits;
    hits.reserve(qsizetype(best.size()));
    for (; !best.empty(); best.pop())
        hits.prepend(best.top());
    return hits;
}

std::optional<float> VectorIndex::similarity(const QList<float> &query, qint64 rowId) const
{
    const qsizetype slot = m_slotOf.value(rowId, -1);
    if (slot < 0 || query.size() != m_dim)
        return std::nullopt;
    return dot(query.constData(), m_vectors.data() + slot * m_dim);
}

std::optional<QList<float>> VectorIndex::vectorOf(qint64 rowId) const
{
    const qsizetype slot = m_slotOf.value(rowId, -1);
    if (slot < 0)
        return std::nullopt;
    const float *begin = m_vectors.data() + slot * m_dim;
    return QList<float>(begin, begin + m_dim);
}

} // namespace lettascope::trajectories
