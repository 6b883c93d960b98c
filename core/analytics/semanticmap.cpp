// SPDX-License-Identifier: MIT
#include "semanticmap.h"

#include "projection.h"
#include "store/eachrow.h"

#include <cstring>
#include <tuple>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

constexpr int kSummaryChars = 200;

/// The filter's WHERE over `trajectories t` joined to `trajectory_embeddings e`, plus the model's bind.
struct MapSql {
    trajectories::FilterSql filter;
    QString where;
    int modelBind = 0;
};

MapSql mapSql(const trajectories::TrajectoryFilters &filters)
{
    MapSql sql{trajectories::filterSql(filters), {}, 0};
    sql.modelBind = int(sql.filter.values.size()) + 1;
    const QString model = u"e.model_key = ?%1"_s.arg(sql.modelBind);
    sql.where = sql.filter.where.isEmpty() ? u" WHERE %1"_s.arg(model) : u"%1 AND %2"_s.arg(sql.filter.where, model);
    return sql;
}

/// The model most of the filter's trajectories have a vector of; the most recently written on a tie.
Result<std::pair<QString, int>> dominantModel(store::Database &db, const trajectories::FilterSql &where)
{
    const QString sql = u"SELECT e.model_key, count(*) FROM trajectory_embeddings e "
                        "JOIN trajectories t ON t.rowid = e.trajectory_id"_s
        + where.where + u" GROUP BY e.model_key ORDER BY count(*) DESC, max(e.seq) DESC LIMIT 1"_s;
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::pair{QString(), 0};
    return std::pair{stmt->text(0), int(stmt->int64(1))};
}

} // namespace

Result<SemanticMap> loadSemanticMap(store::Database &db, const trajectories::TrajectoryFilters &filters, int maxPoints)
{
    SemanticMap map;
    const MapSql sql = mapSql(filters);
    auto model = dominantModel(db, sql.filter);
    if (!model)
        return model.error();
    std::tie(map.modelKey, map.embedded) = *model;
    if (map.modelKey.isEmpty())
        return map;
    const QString select = u"SELECT t.rowid, t.score, t.summary, e.dim, e.vector FROM trajectory_embeddings e "
                           "JOIN trajectories t ON t.rowid = e.trajectory_id"_s
        + sql.where + u" ORDER BY t.created_ms DESC, t.rowid DESC LIMIT %1"_s.arg(maxPoints);
    auto stmt = db.prepare(select.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    sql.filter.bind(*stmt);
    stmt->bind(sql.modelBind, map.modelKey);
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
