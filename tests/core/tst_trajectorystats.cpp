// SPDX-License-Identifier: MIT
// The Analytics tab's trajectory aggregates on constructed caches with exact expected numbers, and the
// projection behind the semantic map.
#include "analytics/projection.h"
#include "analytics/trajectorystats.h"
#include "cachefixture.h"
#include "store/sqlite.h"
#include "trajectories/search/filterindex.h"
#include "trajectories/trajectoryqueries.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::analytics;

namespace {

constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01 00:00 UTC
constexpr qint64 kHourMs = 3'600'000;

/// One trajectory as the tests write it; empty optionals and strings stay NULL, as before processing.
struct Row {
    QString runId;
    QString agentId;
    qint64 createdMs = T0;
    std::optional<double> score;
    QString category;
    QString complexity;
    QStringList tags;
    QString embeddingModel;
    QList<float> vector;
};

Result<Done> insert(store::Database &db, qint64 serverId, const Row &row)
{
    auto trajectory = db.prepare(
        "INSERT INTO trajectories(server_id, id, run_id, agent_id, execution_status, created_ms, data, content_hash, "
        "built_ms, summary, score, category, complexity, row_seq) VALUES (?1, ?2, ?3, ?4, 'completed', ?5, '{}', ?3, ?5, "
        "?6, ?7, ?8, ?9, (SELECT coalesce(max(row_seq), 0) + 1 FROM trajectories))"); // row_seq as the writers bump it
    if (!trajectory)
        return trajectory.error();
    trajectory->bind(1, serverId).bind(2, u"trajectory-"_s + row.runId).bind(3, row.runId).bind(4, row.agentId)
        .bind(5, row.createdMs).bind(6, u"summary of "_s + row.runId + u"\nsecond line"_s).bind(7, row.score);
    trajectory->bind(8, row.category.isEmpty() ? QString() : row.category);
    trajectory->bind(9, row.complexity.isEmpty() ? QString() : row.complexity);
    if (auto done = trajectory->run(); !done)
        return done;
    const qint64 rowId = db.lastInsertRowId();
    for (const QString &tag : row.tags) {
        auto stmt = db.prepare("INSERT INTO trajectory_tags(trajectory_id, tag) VALUES (?1, ?2)");
        stmt->bind(1, rowId).bind(2, tag);
        if (auto done = stmt->run(); !done)
            return done;
    }
    if (!row.embeddingModel.isEmpty()) {
        auto stmt = db.prepare("INSERT INTO trajectory_embeddings(trajectory_id, model_key, dim, vector, seq) VALUES (?1, ?2, ?3, ?4, ?1)");
        stmt->bind(1, rowId).bind(2, row.embeddingModel).bind(3, int(row.vector.size()))
            .bindBlob(4, QByteArray(reinterpret_cast<const char *>(row.vector.constData()), row.vector.size() * qsizetype(sizeof(float))));
        if (auto done = stmt->run(); !done)
            return done;
    }
    return Done{};
}

Result<Done> writeRows(testsupport::CacheFixture &cache, const QList<Row> &rows)
{
    const qint64 serverId = cache.serverId();
    return cache.writer().call<Done>([&rows, serverId](store::Database &db) -> Result<Done> {
        for (const Row &row : rows) {
            if (auto done = insert(db, serverId, row); !done)
                return done;
        }
        return Done{};
    }).result();
}

/// Six trajectories of two agents an hour apart: four scored (one exactly on a bin bound, one at 1.0),
/// one unprocessed, labels and tags on some, vectors of two models.
QList<Row> dataset()
{
    return {
        {u"r1"_s, u"agent-a"_s, T0, 0.05, u"debugging"_s, u"simple"_s, {u"tool-error"_s, u"retry"_s}, u"m:a"_s, {1, 0, 0}},
        {u"r2"_s, u"agent-a"_s, T0 + kHourMs, 0.3, u"debugging"_s, u"expert"_s, {u"tool-error"_s}, u"m:a"_s, {0, 1, 0}},
        {u"r3"_s, u"agent-b"_s, T0 + 2 * kHourMs, 0.35, u"data"_s, u"simple"_s, {u"tool-error"_s}, u"m:a"_s, {0, 0, 1}},
        {u"r4"_s, u"agent-b"_s, T0 + 3 * kHourMs, 1.0, u"data"_s, u"odd-level"_s, {}, u"m:b"_s, {1, 1}},
        {u"r5"_s, u"agent-b"_s, T0 + 4 * kHourMs, std::nullopt, {}, {}, {}, {}, {}},
        {u"r6"_s, u"agent-a"_s, T0 + 5 * kHourMs, 0.72, u"writing"_s, u"moderate"_s, {}, {}, {}},
    };
}

QList<int> bins(std::initializer_list<std::pair<int, int>> counts)
{
    QList<int> out(kScoreBins, 0);
    for (const auto &[bin, count] : counts)
        out[bin] = count;
    return out;
}

bool finite(const QList<QPointF> &points)
{
    return std::all_of(points.cbegin(), points.cend(), [](const QPointF &p) { return std::isfinite(p.x()) && std::isfinite(p.y()); });
}

} // namespace

class TestTrajectoryStats : public QObject
{
    Q_OBJECT

    Result<TrajectoryStats> statsOf(const QList<Row> &rows, const AnalyticsFilter &filter, int maxPoints = kMaxMapPoints)
    {
        testsupport::CacheFixture cache;
        if (!cache.open())
            return Error{ErrorKind::Storage, u"no cache"_s};
        if (auto written = writeRows(cache, rows); !written)
            return written.error();
        AnalyticsFilter withServer = filter;
        withServer.serverId = cache.serverId();
        auto db = cache.read();
        trajectories::FilterIndex index;
        return computeTrajectoryStats(db, index, withServer, maxPoints);
    }

private Q_SLOTS:
    void scoreBin_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<int>("bin");
        QTest::addRow("zero") << 0.0 << 0;
        QTest::addRow("below the first bound") << 0.09 << 0;
        QTest::addRow("on a bound") << 0.1 << 1;
        QTest::addRow("0.3, whatever 0.3 × 10 rounds to") << 0.3 << 3;
        QTest::addRow("just below 0.3") << 0.2999 << 2;
        QTest::addRow("0.7") << 0.7 << 7;
        QTest::addRow("0.95") << 0.95 << 9;
        QTest::addRow("one is in the last bin") << 1.0 << 9;
    }

    void scoreBin()
    {
        QFETCH(double, score);
        QFETCH(int, bin);
        QCOMPARE(analytics::scoreBin(score), bin);
    }

    void noTrajectories()
    {
        auto stats = statsOf({}, {});
        QVERIFY2(stats, qPrintable(stats.ok() ? QString() : stats.error().message));
        QCOMPARE(stats->trajectories, 0);
        QCOMPARE(stats->scored, 0);
        QCOMPARE(stats->scoreBins, bins({}));
        QVERIFY(stats->categories.isEmpty() && stats->complexities.isEmpty() && stats->tags.isEmpty());
        QVERIFY(stats->map.modelKey.isEmpty());
        QVERIFY(stats->map.points.isEmpty());
    }

    void unprocessedTrajectoriesCountButAreNotScored()
    {
        auto stats = statsOf({{u"r1"_s, u"agent-a"_s}, {u"r2"_s, u"agent-a"_s}}, {});
        QVERIFY(stats);
        QCOMPARE(stats->trajectories, 2);
        QCOMPARE(stats->scored, 0);
        QCOMPARE(stats->labelled, 0);
        QCOMPARE(stats->scoreBins, bins({}));
        QVERIFY(stats->map.points.isEmpty());
    }

    // The worker keeps its filter index between computations: after trajectories are written, or one is
    // deleted and another written (the same count, other rows), it must count as a fresh index does.
    void keptIndexFollowsChanges_data()
    {
        QTest::addColumn<bool>("deleteFirst");
        QTest::addColumn<int>("writeFrom");
        QTest::addColumn<int>("count");
        QTest::addRow("new trajectories") << false << 3 << 6;
        QTest::addRow("one deleted, one written") << true << 5 << 3;
    }

    void keptIndexFollowsChanges()
    {
        QFETCH(bool, deleteFirst);
        QFETCH(int, writeFrom);
        QFETCH(int, count);
        testsupport::CacheFixture cache;
        QVERIFY(cache.open());
        const QList<Row> all = dataset();
        QVERIFY(writeRows(cache, all.mid(0, 3)).ok());
        AnalyticsFilter filter;
        filter.serverId = cache.serverId();
        auto db = cache.read();
        trajectories::FilterIndex index;
        QVERIFY(computeTrajectoryStats(db, index, filter));
        if (deleteFirst) {
            QVERIFY(cache.writer().call<Done>([](store::Database &w) -> Result<Done> {
                if (auto done = w.exec("DELETE FROM trajectories WHERE run_id = 'r1'"); !done)
                    return done.error();
                return Done{};
            }).result().ok());
        }
        QVERIFY(writeRows(cache, all.mid(writeFrom)).ok());
        auto kept = computeTrajectoryStats(db, index, filter);
        QVERIFY(kept);
        QCOMPARE(kept->trajectories, count);
        trajectories::FilterIndex fresh;
        auto expected = computeTrajectoryStats(db, fresh, filter);
        QVERIFY(expected);
        QCOMPARE(*kept, *expected);
    }

    void oneTrajectory()
    {
        auto stats = statsOf({dataset().first()}, {});
        QVERIFY(stats);
        QCOMPARE(stats->trajectories, 1);
        QCOMPARE(stats->scoreBins, bins({{0, 1}}));
        QCOMPARE(stats->categories, (QList<LabelCount>{{u"debugging"_s, 1}}));
        QCOMPARE(stats->map.points.size(), 1);
        QCOMPARE(stats->map.points[0].x, 0.0); // one point has no spread: the origin, not NaN
        QCOMPARE(stats->map.points[0].y, 0.0);
        QCOMPARE(stats->map.points[0].summary, u"summary of r1"_s);
    }

    void aggregates_data()
    {
        QTest::addColumn<AnalyticsFilter>("filter");
        QTest::addColumn<int>("trajectories");
        QTest::addColumn<int>("scored");
        QTest::addColumn<QList<int>>("scoreBins");
        QTest::addColumn<QList<LabelCount>>("categories");
        QTest::addColumn<QList<LabelCount>>("complexities");
        QTest::addColumn<QList<LabelCount>>("tags");
        QTest::addColumn<int>("embedded");

        QTest::addRow("everything") << AnalyticsFilter{} << 6 << 5 << bins({{0, 1}, {3, 2}, {7, 1}, {9, 1}})
            << QList<LabelCount>{{u"data"_s, 2}, {u"debugging"_s, 2}, {u"writing"_s, 1}}
            << QList<LabelCount>{{u"simple"_s, 2}, {u"moderate"_s, 1}, {u"expert"_s, 1}, {u"odd-level"_s, 1}}
            << QList<LabelCount>{{u"tool-error"_s, 3}, {u"retry"_s, 1}} << 3;
        AnalyticsFilter agentA;
        agentA.agentIds = {u"agent-a"_s};
        QTest::addRow("one agent") << agentA << 3 << 3 << bins({{0, 1}, {3, 1}, {7, 1}})
            << QList<LabelCount>{{u"debugging"_s, 2}, {u"writing"_s, 1}}
            << QList<LabelCount>{{u"simple"_s, 1}, {u"moderate"_s, 1}, {u"expert"_s, 1}}
            << QList<LabelCount>{{u"tool-error"_s, 2}, {u"retry"_s, 1}} << 2;
        AnalyticsFilter range;
        range.sinceMs = T0 + kHourMs;       // created at or after: r2 is in
        range.untilMs = T0 + 4 * kHourMs;   // created before: r5 is out
        QTest::addRow("date range") << range << 3 << 3 << bins({{3, 2}, {9, 1}})
            << QList<LabelCount>{{u"data"_s, 2}, {u"debugging"_s, 1}}
            << QList<LabelCount>{{u"simple"_s, 1}, {u"expert"_s, 1}, {u"odd-level"_s, 1}}
            << QList<LabelCount>{{u"tool-error"_s, 2}} << 2;
    }

    void aggregates()
    {
        QFETCH(AnalyticsFilter, filter);
        auto stats = statsOf(dataset(), filter);
        QVERIFY(stats);
        QTEST(stats->trajectories, "trajectories");
        QTEST(stats->scored, "scored");
        QTEST(stats->scoreBins, "scoreBins");
        QTEST(stats->categories, "categories");
        QTEST(stats->complexities, "complexities");
        QTEST(stats->tags, "tags");
        QCOMPARE(stats->map.modelKey, u"m:a"_s); // the model most of them have; m:b's vector is never mixed in
        QTEST(stats->map.embedded, "embedded");
        QCOMPARE(stats->map.points.size(), stats->map.embedded);
    }

    void scoreBinFilterListsTheBin()
    {
        // A click on a bin lists exactly the trajectories the bin counted.
        testsupport::CacheFixture cache;
        QVERIFY(cache.open());
        const qint64 serverId = cache.serverId();
        QList<Row> rows = dataset();
        for (double score : {0.0, 0.1, 0.2, 0.4, 0.5, 0.6, 0.8, 0.9, 0.99})
            rows << Row{u"s%1"_s.arg(score), u"agent-c"_s, T0, score};
        QVERIFY(writeRows(cache, rows).ok());
        AnalyticsFilter filter;
        filter.serverId = serverId;
        auto db = cache.read();
        trajectories::FilterIndex index;
        auto stats = computeTrajectoryStats(db, index, filter);
        QVERIFY(stats);
        int listed = 0;
        for (int bin = 0; bin < kScoreBins; ++bin) {
            auto count = trajectories::countTrajectories(db, scoreBinFilter(trajectoryFilters(filter), bin));
            QVERIFY(count);
            QCOMPARE(*count, qint64(stats->scoreBins[bin]));
            listed += int(*count);
        }
        QCOMPARE(listed, stats->scored);
    }

    void mapShowsTheMostRecent()
    {
        auto stats = statsOf(dataset(), {}, 2);
        QVERIFY(stats);
        QCOMPARE(stats->map.embedded, 3);
        QCOMPARE(stats->map.points.size(), 2);
        QCOMPARE(stats->map.points[0].summary, u"summary of r3"_s);
        QCOMPARE(stats->map.points[1].summary, u"summary of r2"_s);
        QCOMPARE(stats->map.points[0].score, std::optional<double>(0.35));
    }

    void projectionOfALine_data()
    {
        QTest::addColumn<QList<float>>("origin");
        QTest::addColumn<QList<float>>("direction");
        QTest::addRow("2-D diagonal") << QList<float>{0, 0} << QList<float>{1, -1};
        QTest::addRow("3-D, offset") << QList<float>{5, -2, 7} << QList<float>{0.2f, 0.5f, -0.1f};
        QTest::addRow("8-D, one axis") << QList<float>(8, 0.5f) << QList<float>{0, 0, 0, 0, 0, 3, 0, 0};
    }

    void projectionOfALine()
    {
        QFETCH(QList<float>, origin);
        QFETCH(QList<float>, direction);
        const int dim = int(origin.size());
        const QList<float> steps{0, 1, 2, 4, 7};
        std::vector<float> rows;
        for (float t : steps) {
            for (int c = 0; c < dim; ++c)
                rows.push_back(origin[c] + t * direction[c]);
        }
        const QList<QPointF> points = projectToPlane(rows, dim);
        QCOMPARE(points.size(), steps.size());
        QVERIFY(finite(points));
        double length = 0;
        for (float d : direction)
            length += double(d) * d;
        length = std::sqrt(length);
        for (qsizetype i = 0; i < points.size(); ++i) {
            QVERIFY2(std::abs(points[i].y()) < 1e-4, qPrintable(u"y = %1"_s.arg(points[i].y())));
            // Distances along the line are kept: the projection onto the main axis is an isometry here.
            QVERIFY(std::abs(std::abs(points[i].x() - points[0].x()) - (steps[i] - steps[0]) * length) < 1e-4);
        }
        QCOMPARE(projectToPlane(rows, dim), points); // deterministic
    }

    void projectionKeepsAPlane()
    {
        // Points spanning a plane in 5-D: two components hold all of it, so pairwise distances survive.
        const QList<QList<float>> plane{{0, 0}, {1, 0}, {0, 2}, {3, 1}, {-1, -2}};
        std::vector<float> rows;
        for (const auto &p : plane) {
            for (float value : {p[0], p[1], p[0] + p[1], 2 * p[0] - p[1], 0.5f})
                rows.push_back(value);
        }
        const QList<QPointF> points = projectToPlane(rows, 5);
        QCOMPARE(points.size(), plane.size());
        for (qsizetype i = 0; i < points.size(); ++i) {
            for (qsizetype j = 0; j < points.size(); ++j) {
                double original = 0;
                for (int c = 0; c < 5; ++c) {
                    const double d = rows[std::size_t(i * 5 + c)] - rows[std::size_t(j * 5 + c)];
                    original += d * d;
                }
                const QPointF d = points[i] - points[j];
                QVERIFY(std::abs(std::sqrt(original) - std::hypot(d.x(), d.y())) < 1e-4);
            }
        }
    }

    void projectionOfDegenerateInput_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("identical");
        QTest::addRow("no vectors") << 0 << false;
        QTest::addRow("one vector") << 1 << false;
        QTest::addRow("identical vectors") << 4 << true;
    }

    void projectionOfDegenerateInput()
    {
        QFETCH(int, count);
        QFETCH(bool, identical);
        std::vector<float> rows;
        for (int i = 0; i < count; ++i) {
            for (int c = 0; c < 16; ++c)
                rows.push_back(identical ? 0.25f : float(c));
        }
        const QList<QPointF> points = projectToPlane(rows, 16);
        QCOMPARE(points.size(), count);
        for (const QPointF &p : points)
            QCOMPARE(p, QPointF(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryStats)
#include "tst_trajectorystats.moc"
