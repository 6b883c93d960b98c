// SPDX-License-Identifier: MIT
#include "semanticmap.h"

#include "projection.h"
#include "store/eachrow.h"
#include "trajectories/search/filterindex.h"

#include <QHash>

#include <algorithm>
#include <cstring>
#include <tuple>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

constexpr int kSummaryChars = 200;

/// The model most of the allowed trajectories have a vector of; the most recently written on a tie.
/// Reads only the embeddings' primary key (model, trajectory): no vector and no trajectory row.
Result<std::pair<QString, int>> dominantModel(store::Database &db, const QSet<qint64> &allowed)
{
    auto stmt = db.prepare("SELECT model_key, trajectory_id, seq FROM trajectory_embeddings");
    if (!stmt)
        return stmt.error();
    struct Tally {
        int count = 0;
        qint64 latestSeq = 0;
    };
    QHash<QString, Tally> tallies;
    Status read = store::eachRow(*stmt, [&](const store::Statement &row) {
        if (!allowed.contains(row.int64(1)))
            return;
        Tally &tally = tallies[row.text(0)];
        ++tally.count;
        tally.latestSeq = std::max(tally.latestSeq, row.int64(2));
    });
    if (!read)
        return read.error();
    std::pair<QString, int> best;
    qint64 bestSeq = -1;
    for (auto it = tallies.constBegin(); it != tallies.constEnd(); ++it) {
        if (it->count > best.second || (it->count == best.second && it->latestSeq > bestSeq)) {
            best = {it.key(), it->count};
            bestSeq = it->latestSeq;
        }
    }
    return best;
}

} // namespace

Result<SemanticMap> loadSemanticMap(store::Database &db, const trajectories::FilterIndex &index,
                                    const trajectories::TrajectoryFilters &filters, int maxPoints)
{
    SemanticMap map;
    auto model = dominantModel(db, index.allowed(filters));
    if (!model)
        return model.error();
    std::tie(map.modelKey, map.embedded) = *model;
    if (map.modelKey.isEmpty())
        return map;
    // Trajectories outermost (CROSS JOIN), newest first through the creation index, so the walk stops after
    // maxPoints instead of sorting every vector of the model (1.9 s at 100,000).
    const trajectories::FilterSql where = trajectories::filterSql(filters, 2);
    const QString select = u"SELECT t.rowid, t.score, t.summary, e.dim, e.vector FROM trajectories t "
                           "CROSS JOIN trajectory_embeddings e ON e.model_key = ?1 AND e.trajectory_id = t.rowid"_s
        + where.where + u" ORDER BY t.created_ms DESC, t.rowid DESC LIMIT %1"_s.arg(maxPoints);
    auto stmt = db.prepare(select.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, map.modelKey);
    where.bind(*stmt, 2);
    std::vector<float> vectors;
    int dim = 0;
    Status read = store::eachRow(*stmt, [&](const store::Statement &row) {
        const int rowDim = int(row.int64(3));
        const QByteArray blob = row.blob(4);
        if (dim == 0)
            dim = rowDim;
        // A vector of another size cannot share the space (a model renamed in place): skipped, as search does.
        if (rowDim != dim || blob.size() != qsizetype(dim) * qsizetype(sizeof(float)))
            return;
        const std::size_t at = vectors.size();
        vectors.resize(at + std::size_t(dim));
        std::memcpy(vectors.data() + at, blob.constData(), std::size_t(blob.size()));
        map.points << MapPoint{row.int64(0), 0, 0, row.optionalReal(1), row.text(2).section(u'\n', 0, 0).left(kSummaryChars)};
    });
    if (!read)
        return read.error();
    const QList<QPointF> projected = projectToPlane(vectors, dim);
    for (qsizetype i = 0; i < map.points.size(); ++i) {
        map.points[i].x = projected[i].x();
        map.points[i].y = projected[i].y();
    }
    return map;
}

} // namespace lettascope::analytics
