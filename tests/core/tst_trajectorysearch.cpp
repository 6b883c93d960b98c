// SPDX-License-Identifier: MIT
// Search: the vector index against exact brute force, hybrid ranking with every filter, contrasts at
// the band edges, similar runs, and the keyword-only fallback.
#include "cachefixture.h"
#include "store/sqlite.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/localbackend.h"
#include "trajectories/scoretext.h"
#include "trajectories/search/filterindex.h"
#include "trajectories/search/hybridsearch.h"
#include "trajectories/search/vectorindex.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryqueries.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;
constexpr qint64 Day = 86'400'000;

QList<float> randomUnit(QRandomGenerator &rng, int dim)
{
    QList<float> v(dim);
    double norm = 0;
    for (float &x : v) {
        x = float(rng.generateDouble() * 2 - 1);
        norm += double(x) * x;
    }
    for (float &x : v)
        x = float(x / std::sqrt(norm));
    return v;
}

QList<qint64> bruteForce(store::Database &db, const QString &model, const QList<float> &q, int k)
{
    auto stmt = db.prepare("SELECT trajectory_id, vector FROM trajectory_embeddings WHERE model_key = ?1");
    stmt->bind(1, model);
    QList<std::pair<double, qint64>> all;
    while (*stmt->step()) {
        const QByteArray blob = stmt->blob(1);
        const auto *v = reinterpret_cast<const float *>(blob.constData());
        double dot = 0;
        for (int i = 0; i < q.size(); ++i)
            dot += double(v[i]) * q[i];
        all.append({dot, stmt->int64(0)});
    }
    std::sort(all.begin(), all.end(), [](auto a, auto b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    QList<qint64> ids;
    for (int i = 0; i < k && i < all.size(); ++i)
        ids << all[i].second;
    return ids;
}

bool processAll(CacheFixture &cache)
{
    RunnerConfig config;
    config.idlePollMs = 20;
    JobRunner runner(cache.writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), config);
    if (!runner.start())
        return false;
    auto db = cache.read();
    const bool done = QTest::qWaitFor([&] { return jobqueue::stats(db)->open() == 0; }, 20000);
    runner.stop();
    return done;
}

HybridSearch::EmbedQuery localEmbed()
{
    return [](const QString &text) { return LocalBackend().embedQuery(text); };
}

/// The fixture's cache searched as the app searches it: one model's vectors and the filter index.
struct Searcher {
    Searcher(store::Database database, const QString &model)
        : db(std::move(database))
        , vectors(model)
        , search(db, &vectors, filters, localEmbed())
    {
    }
    bool refresh() { return vectors.refresh(db) && filters.refresh(db); }

    store::Database db;
    VectorIndex vectors;
    FilterIndex filters;
    HybridSearch search;    ///< refers to the members above: a Searcher stays where it was made
};

} // namespace

class TestTrajectorySearch : public QObject
{
    Q_OBJECT

    CacheFixture m_cache; // 60 processed scenario runs over two agents and 60 days

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.open());
        QList<ScenarioRun> runs;
        for (int i = 0; i < 60; ++i)
            runs << scenarioRun(i, i % 2 ? u"agent-b"_s : u"agent-a"_s, T0 + i * Day);
        QVERIFY(m_cache.write(runs));
        QVERIFY(TrajectoryBuilder(m_cache.writer()).build().ok());
        QVERIFY(processAll(m_cache));
    }

    void scoreTextShowsZero()
    {
        QCOMPARE(scoreText(0.0), u"0.00"_s);
        QCOMPARE(scoreText(0.7), u"0.70"_s);
        QCOMPARE(scoreText(std::nullopt), u"N/A"_s);
    }

    void keywordQuery_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addRow("words") << u"Tool error"_s << u"\"tool\" OR \"error\""_s;
        QTest::addRow("stopwords left out") << u"the error with the weather"_s << u"\"error\" OR \"weather\""_s;
        QTest::addRow("only stopwords kept") << u"to be or not"_s << u"\"to\" OR \"be\" OR \"or\" OR \"not\""_s;
        QTest::addRow("operators are words") << u"NEAR(a b) AND \"x\""_s << u"\"near\" OR \"b\" OR \"x\""_s;
        QTest::addRow("repeats once") << u"error Error ERROR"_s << u"\"error\""_s;
        QTest::addRow("nothing") << u"?!"_s << QString();
    }

    void keywordQuery()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        const KeywordQuery keywords{queryWords(text), {}};
        QCOMPARE(keywords.fts(), query);
    }

    void commonWordsLeftOut_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QList<qint64>>("documents");
        QTest::addColumn<QStringList>("kept");
        QTest::addColumn<QStringList>("ignored");
        const QStringList abc{u"tool"_s, u"error"_s, u"weather"_s};
        QTest::addRow("all fit") << abc << QList<qint64>{2, 3, 4} << abc << QStringList();
        QTest::addRow("exactly the budget") << abc << QList<qint64>{5, 7, 8} << abc << QStringList();
        QTest::addRow("most common out first")
            << abc << QList<qint64>{100, 13, 8} << QStringList{u"weather"_s} << QStringList{u"error"_s, u"tool"_s};
        QTest::addRow("rarest always kept")
            << abc << QList<qint64>{100, 50, 30} << QStringList{u"weather"_s} << QStringList{u"error"_s, u"tool"_s};
        QTest::addRow("unknown words are free")
            << abc << QList<qint64>{0, 19, 0} << abc << QStringList();
        QTest::addRow("typed order kept") << QStringList{u"b"_s, u"a"_s} << QList<qint64>{2, 1}
                                          << QStringList{u"b"_s, u"a"_s} << QStringList();
        QTest::addRow("nothing") << QStringList() << QList<qint64>() << QStringList() << QStringList();
    }

    void commonWordsLeftOut()
    {
        QFETCH(QStringList, words);
        QFETCH(QList<qint64>, documents);
        QFETCH(QStringList, kept);
        QFETCH(QStringList, ignored);
        const KeywordQuery query = pruneCommonWords(words, documents, 20);
        QCOMPARE(query.words, kept);
        QCOMPARE(query.ignored, ignored);
    }

    void vectorRecallAgainstBruteForce()
    {
        // Random vectors under a test model, written like the runner writes them.
        const QString model = u"test:random64"_s;
        QRandomGenerator rng(1234);
        auto written = m_cache.writer().call<Done>([&rng, model](store::Database &db) -> Result<Done> {
            store::Transaction tx(db);
            auto ids = db.prepare("SELECT rowid FROM trajectories");
            auto insert = db.prepare("INSERT INTO trajectory_embeddings(trajectory_id, model_key, dim, vector, seq) VALUES (?1, ?2, 64, ?3, 1)");
            while (*ids->step()) {
                const QList<float> v = randomUnit(rng, 64);
                insert->bind(1, ids->int64(0)).bind(2, model).bindBlob(3, QByteArray(reinterpret_cast<const char *>(v.constData()), 64 * 4));
                if (auto s = insert->run(); !s)
                    return s;
            }
            return tx.commit();
        }).result();
        QVERIFY(written);
        auto db = m_cache.read();
        VectorIndex index(model);
        QVERIFY(index.refresh(db));
        QCOMPARE(index.size(), 60);
        QCOMPARE(index.dim(), 64);
        int found = 0;
        for (int q = 0; q < 20; ++q) {
            const QList<float> query = randomUnit(rng, 64);
            const QList<qint64> exact = bruteForce(db, model, query, 10);
            QList<qint64> got;
            for (const VectorHit &hit : index.search(query, 10))
                got << hit.rowId;
            for (qint64 id : exact)
                found += got.contains(id);
            QCOMPARE(got, exact); // exact search: same ids in the same order
        }
        QVERIFY(found / 200.0 >= 0.95);
        // A restricted search only returns allowed rows, still best first.
        const QSet<qint64> allowed{1, 2, 3, 4, 5};
        const auto hits = index.search(randomUnit(rng, 64), 10, &allowed);
        QCOMPARE(hits.size(), 5);
        for (const auto &hit : hits)
            QVERIFY(allowed.contains(hit.rowId));
        // Another model's vectors are another index.
        VectorIndex local(u"local:hash256-v1"_s);
        QVERIFY(local.refresh(db));
        QCOMPARE(local.dim(), 256);
    }

    void hybridFindsTheTopic()
    {
        Searcher s(m_cache.read(), u"local:hash256-v1"_s);
        QVERIFY(s.refresh());
        SearchRequest request;
        request.text = u"weather forecast Paris"_s;
        request.limit = 5;
        auto results = s.search.search(request);
        QVERIFY(results);
        QCOMPARE(results->hits.size(), 5);
        QCOMPARE(results->embeddingModel, u"local:hash256-v1"_s);
        for (const SearchHit &hit : results->hits) {
            QVERIFY2(hit.row.summary.contains(u"Paris"_s), qPrintable(hit.row.summary));
            QVERIFY(hit.score > 0 && hit.score <= 1.0);
            QVERIFY(hit.vector > 0);
            QVERIFY(hit.keyword > 0);
        }
        for (qsizetype i = 1; i < results->hits.size(); ++i)
            QVERIFY(results->hits[i - 1].score >= results->hits[i].score);
    }

    void filters_data()
    {
        QTest::addColumn<TrajectoryFilters>("filters");
        TrajectoryFilters agent;
        agent.agentIds = {u"agent-b"_s};
        QTest::addRow("agent") << agent;
        TrajectoryFilters status;
        status.executionStatuses = {u"failed"_s};
        QTest::addRow("execution status") << status;
        TrajectoryFilters score;
        score.minScore = 0.3;
        score.maxScore = 0.5;
        QTest::addRow("score range") << score;
        TrajectoryFilters tags;
        tags.tags = {u"tool_error"_s, u"recovered_after_error"_s};
        QTest::addRow("tags, all must match") << tags;
        TrajectoryFilters category;
        category.category = u"information_retrieval"_s;
        QTest::addRow("category") << category;
        TrajectoryFilters complexity;
        complexity.complexity = u"simple"_s;
        QTest::addRow("complexity") << complexity;
        TrajectoryFilters dates;
        dates.sinceMs = T0 + 10 * Day;
        dates.untilMs = T0 + 20 * Day;
        QTest::addRow("date range") << dates;
    }

    // The in-memory filter must select exactly what the SQL of the list selects.
    void filterIndexMatchesSql_data()
    {
        filters_data();
        QTest::addRow("no filter") << TrajectoryFilters{};
        TrajectoryFilters exclusive;
        exclusive.minScore = 0.3;
        exclusive.minExclusive = true;
        exclusive.maxScore = 0.7;
        exclusive.maxExclusive = true;
        QTest::addRow("exclusive score bounds") << exclusive;
        TrajectoryFilters unknown;
        unknown.agentIds = {u"agent-nobody"_s};
        QTest::addRow("unknown agent") << unknown;
        TrajectoryFilters unknownTag;
        unknownTag.tags = {u"tool_error"_s, u"no-such-tag"_s};
        QTest::addRow("one unknown tag") << unknownTag;
        TrajectoryFilters mixed;
        mixed.agentIds = {u"agent-a"_s, u"agent-b"_s};
        mixed.executionStatuses = {u"completed"_s, u"failed"_s};
        mixed.sinceMs = T0 + 5 * Day;
        mixed.minScore = 0.2;
        mixed.complexity = u"simple"_s;
        QTest::addRow("several at once") << mixed;
        TrajectoryFilters server;
        server.serverId = m_cache.serverId();
        server.untilMs = T0 + 30 * Day;
        QTest::addRow("server and until") << server;
        TrajectoryFilters otherServer;
        otherServer.serverId = m_cache.serverId() + 1;
        QTest::addRow("another server") << otherServer;
    }

    void filterIndexMatchesSql()
    {
        QFETCH(TrajectoryFilters, filters);
        auto db = m_cache.read();
        FilterIndex index;
        QVERIFY(index.refresh(db));
        QCOMPARE(index.size(), 60);
        const FilterSql where = filterSql(filters);
        auto stmt = db.prepare((u"SELECT t.rowid FROM trajectories t"_s + where.where).toUtf8().constData());
        QVERIFY(stmt);
        where.bind(*stmt);
        QSet<qint64> expected;
        while (*stmt->step())
            expected.insert(stmt->int64(0));
        QCOMPARE(index.allowed(filters), expected);
    }

    void filters()
    {
        QFETCH(TrajectoryFilters, filters);
        Searcher s(m_cache.read(), u"local:hash256-v1"_s);
        QVERIFY(s.refresh());
        auto &db = s.db;
        SearchRequest request;
        request.text = u"tool error"_s;
        request.filters = filters;
        request.limit = 100;
        auto results = s.search.search(request);
        QVERIFY(results);
        // Every hit satisfies the filter, and every keyword match that does is found.
        const qint64 expected = *countTrajectories(db, filters);
        QVERIFY(expected > 0);
        QVERIFY(!results->hits.isEmpty());
        for (const SearchHit &hit : results->hits) {
            const TrajectoryRow &r = hit.row;
            if (!filters.agentIds.isEmpty())
                QVERIFY(filters.agentIds.contains(r.agentId));
            if (!filters.executionStatuses.isEmpty())
                QVERIFY(filters.executionStatuses.contains(r.executionStatus));
            if (filters.minScore)
                QVERIFY(r.score && *r.score >= *filters.minScore && *r.score <= *filters.maxScore);
            for (const QString &tag : filters.tags)
                QVERIFY(r.tags.contains(tag));
            if (!filters.category.isEmpty())
                QCOMPARE(r.category, filters.category);
            if (!filters.complexity.isEmpty())
                QCOMPARE(r.complexity, filters.complexity);
            if (filters.sinceMs)
                QVERIFY(*r.createdMs >= *filters.sinceMs && *r.createdMs < *filters.untilMs);
        }
        QVERIFY(results->hits.size() <= expected);
    }

    void contrastBands_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("bucket");
        QTest::addRow("0.0") << 0.0 << u"failures"_s;
        QTest::addRow("0.3") << 0.3 << u"failures"_s;
        QTest::addRow("0.31") << 0.31 << u"moderate"_s;
        QTest::addRow("0.5") << 0.5 << u"moderate"_s;
        QTest::addRow("0.69") << 0.69 << u"moderate"_s;
        QTest::addRow("0.7") << 0.7 << u"successes"_s;
        QTest::addRow("1.0") << 1.0 << u"successes"_s;
    }

    void contrastBands()
    {
        QFETCH(double, score);
        QFETCH(QString, bucket);
        // One trajectory gets the score under test; it must land in exactly one bucket.
        auto set = m_cache.writer().call<Done>([score](store::Database &db) -> Result<Done> {
            auto stmt = db.prepare("UPDATE trajectories SET score = ?1 WHERE run_id = 'run-000000'");
            stmt->bind(1, score);
            return stmt->run();
        }).result();
        QVERIFY(set);
        Searcher s(m_cache.read(), u"local:hash256-v1"_s);
        QVERIFY(s.refresh());
        auto &db = s.db;
        const qint64 target = **findTrajectory(db, 0, u"run-000000"_s);
        SearchRequest request;
        request.text = u"weather Paris"_s;
        request.limit = 60;
        auto contrasts = s.search.contrasts(request);
        QVERIFY(contrasts);
        auto contains = [target](const QList<SearchHit> &hits) {
            return std::any_of(hits.begin(), hits.end(), [target](const SearchHit &h) { return h.row.rowId == target; });
        };
        QCOMPARE(contains(contrasts->successes), bucket == u"successes");
        QCOMPARE(contains(contrasts->moderate), bucket == u"moderate");
        QCOMPARE(contains(contrasts->failures), bucket == u"failures");
        for (const SearchHit &h : contrasts->successes)
            QVERIFY(*h.row.score >= 0.7);
        for (const SearchHit &h : contrasts->moderate)
            QVERIFY(*h.row.score > 0.3 && *h.row.score < 0.7);
        for (const SearchHit &h : contrasts->failures)
            QVERIFY(*h.row.score <= 0.3);
        // No dead zone: every scored keyword match is in some bucket.
        const qsizetype total = contrasts->successes.size() + contrasts->moderate.size() + contrasts->failures.size();
        QCOMPARE(total, 60);
    }

    void similarRuns()
    {
        Searcher s(m_cache.read(), u"local:hash256-v1"_s);
        QVERIFY(s.refresh());
        auto &db = s.db;
        const qint64 weather = **findTrajectory(db, 0, u"run-000002"_s);
        SearchRequest request;
        request.likeTrajectory = weather;
        request.limit = 3;
        auto results = s.search.search(request);
        QVERIFY(results);
        QCOMPARE(results->hits.size(), 3);
        for (const SearchHit &hit : results->hits) {
            QVERIFY(hit.row.rowId != weather);
            QVERIFY2(hit.row.summary.contains(u"Paris"_s), qPrintable(hit.row.summary));
        }
    }

    void keywordOnlyWithoutVectors()
    {
        Searcher s(m_cache.read(), u"openai:text-embedding-3-small"_s);
        QVERIFY(s.refresh());
        SearchRequest request;
        request.text = u"lighthouse"_s;
        auto results = s.search.search(request);
        QVERIFY(results);
        QVERIFY(!results->hits.isEmpty());
        QVERIFY(results->embeddingModel.isEmpty());
        QVERIFY(results->note.contains(u"keyword search only"_s));
        for (const SearchHit &hit : results->hits)
            QCOMPARE(hit.vector, 0.0);
    }

    // With a budget for one word only, the rarer alone matches and the note names the word left out.
    void commonWordsAreNamed()
    {
        Searcher s(m_cache.read(), u"openai:text-embedding-3-small"_s);
        QVERIFY(s.refresh());
        auto &db = s.db;
        const QStringList words{u"weather"_s, u"lighthouse"_s};
        const auto documents = documentFrequencies(db, words);
        QVERIFY(documents);
        QVERIFY2(documents->at(0) > 0 && documents->at(1) > 0, "the scenario runs mention both words");
        // The more common word goes; between equals, the one typed last.
        const QString common = documents->at(1) < documents->at(0) ? words[0] : words[1];
        s.search.setKeywordMatchBudget(std::min(documents->at(0), documents->at(1)));
        SearchRequest request;
        request.text = words.join(u' ');
        request.limit = 100;
        auto results = s.search.search(request);
        QVERIFY(results);
        QVERIFY2(results->note.contains(u"too common to match: "_s + common), qPrintable(results->note));
        QCOMPARE(results->hits.size(), std::min(documents->at(0), documents->at(1)));
        // Without the budget both words match.
        s.search.setKeywordMatchBudget(KeywordMatchBudget);
        results = s.search.search(request);
        QVERIFY(results);
        QVERIFY(!results->note.contains(u"too common"_s));
        QVERIFY(results->hits.size() > std::min(documents->at(0), documents->at(1)));
    }
};

QTEST_GUILESS_MAIN(TestTrajectorySearch)
#include "tst_trajectorysearch.moc"
