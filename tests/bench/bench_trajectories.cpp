// SPDX-License-Identifier: MIT
// Figures for the trajectory budgets of issue 4 (docs/trajectories.md, "Budgets"):
//   building trajectories for 10,000 runs <= 10 s; local processing >= 500 trajectories/s;
//   vector search over 100,000 trajectories p50 <= 20 ms (recall@10 against exact search);
//   hybrid search with filters <= 50 ms; the GUI thread never stalls more than 50 ms while processing.
// Prints medians of several rounds and the machine; asserts nothing (wall-clock numbers do not fail builds).
//
//   the MCP server's search_trajectories with contrasts over stdio at 100,000 trajectories p50 <= 60 ms, its
//   first call <= 1.5 s and its RSS <= 200 MB (issue 12).
// bench_trajectories [--runs N] [--search-rows N] [--rounds N] [--only process,gui,search,mcp]
#include "analytics/trajectorystats.h"
#include "benchsupport.h"
#include "cachefixture.h"
#include "store/sqlite.h"
#include "trajectories/converter.h"
#include "trajectories/metacounter.h"
#include "trajectories/processing/digest.h"
#include "trajectories/processing/enrichmentwriter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/localbackend.h"
#include "trajectories/processing/localstages.h"
#include "trajectories/processing/processingconfig.h"
#include "trajectories/processingsettings.h"
#include "trajectories/search/filterindex.h"
#include "trajectories/search/searchsession.h"
#include "trajectories/search/vectorindex.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryrecord.h"
#include "trajectories/trajectoryservice.h"
#include "trajectories/trajectorywriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Polls the queue from this thread's own connection until nothing is open.
qint64 waitForQueue(store::Database &db)
{
    QElapsedTimer clock;
    clock.start();
    while (true) {
        auto stats = jobqueue::stats(db);
        if (stats && stats->open() == 0)
            return clock.elapsed();
        QThread::msleep(20);
    }
}

void benchBuildAndProcess(int runCount, int rounds)
{
    CacheFixture cache;
    if (!cache.open())
        return;
    QElapsedTimer clock;
    clock.start();
    if (!cache.write(scenarioRuns(0, runCount, 8, T0, 1000)))
        return;
    say(u"cache: %1 runs written in %2 s (setup, not a budget)"_s.arg(runCount).arg(clock.elapsed() / 1000.0, 0, 'f', 1));

    // The first build converts and inserts everything; later rounds re-convert every run (--all) and
    // find the data unchanged, which is what a rebuild after a schema change costs.
    std::vector<double> rebuilds;
    for (int round = 0; round < rounds + 1; ++round) {
        BuildOptions options;
        options.rebuildAll = round > 0;
        options.enqueueProcessing = round == 0;
        const BuildReport report = TrajectoryBuilder(cache.writer()).build(options);
        if (!report.ok()) {
            say(u"build failed: "_s + report.error.toString());
            return;
        }
        if (round == 0)
            say(u"build, first capture: %1 runs -> %2 trajectories in %3 s   (budget: 10,000 runs <= 10 s)"_s
                    .arg(report.runsSeen).arg(report.created).arg(report.elapsedMs / 1000.0, 0, 'f', 2));
        else
            rebuilds.push_back(report.elapsedMs / 1000.0);
    }
    say(u"build, rebuild of all (unchanged data): median %1 s over %2 rounds"_s.arg(benchsupport::median(rebuilds), 0, 'f', 2).arg(rounds));

    // Local processing through the real runner (two workers, batches landed in one transaction each).
    auto db = cache.read();
    std::vector<double> rates;
    for (int round = 0; round < rounds; ++round) {
        if (round > 0) {
            cache.writer().transact([](store::Database &w) -> Result<store::ChangeSet> {
                auto n = jobqueue::enqueueAll(w, AllStages, false, QString(), 5, 0);
                if (!n)
                    return n.error();
                return store::ChangeSet{};
            }).waitForFinished();
        }
        // The app's own runner settings for the local backend.
        JobRunner runner(cache.writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), runnerConfigFor(ProcessingConfig{}));
        if (!runner.start())
            return;
        const qint64 elapsed = waitForQueue(db);
        runner.stop();
        rates.push_back(runCount * 1000.0 / std::max<qint64>(1, elapsed));
    }
    say(u"local processing, all five stages: median %1 trajectories/s over %2 rounds of %3   (budget: >= 500/s)"_s
            .arg(benchsupport::median(rates), 0, 'f', 0).arg(rounds).arg(runCount));
}

// The GUI thread's view: a 2 ms heartbeat on the thread that owns the service, while it builds and
// processes `runCount` runs after a sync. The longest gap between beats is the worst stall.
void benchGuiStall(int runCount)
{
    CacheFixture cache;
    if (!cache.open() || !cache.write(scenarioRuns(0, runCount, 8, T0, 1000)))
        return;
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ProcessingSettings settings(&file);
    TrajectoryService service(cache.writer(), settings);
    std::vector<double> gaps;
    QElapsedTimer sinceBeat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        gaps.push_back(double(sinceBeat.nsecsElapsed()) / 1e6);
        sinceBeat.restart();
    });
    QElapsedTimer clock;
    clock.start();
    sinceBeat.start();
    heartbeat.start(2);
    service.start();
    while (service.queueStats().succeeded + service.queueStats().failed < runCount && clock.elapsed() < 600'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    heartbeat.stop();
    if (gaps.empty())
        return;
    std::sort(gaps.begin(), gaps.end());
    say(u"GUI thread while building + processing %1 runs (%2 s): longest stall %3 ms, p99 %4 ms over %5 beats   "
        "(budget: never > 50 ms)"_s.arg(runCount).arg(clock.elapsed() / 1000.0, 0, 'f', 1).arg(gaps.back(), 0, 'f', 1)
            .arg(gaps[gaps.size() * 99 / 100], 0, 'f', 1).arg(gaps.size()));
}

// 100,000 processed trajectories without 100,000 runs: records and stage results come from a pool of real
// scenario runs, each copy with its own run id, agent, date and a summary sentence of its own (so its
// vector and keywords differ), written through the same writers processing uses.
bool seedSearchRows(CacheFixture &cache, int rows)
{
    struct Seed {
        QJsonObject data;
        QString summary;
        local::Score score;
        Labels labels;
    };
    QList<Seed> pool;
    for (int i = 0; i < 240; ++i) {
        const ScenarioRun run = scenarioRun(i, u"agent-0"_s, T0);
        Seed seed;
        seed.data = convertRun(run.run, run.steps, run.messages);
        const TrajectoryDigest digest = digestOf(seed.data);
        seed.summary = local::summarize(digest);
        seed.score = local::score(digest);
        seed.labels = local::labels(digest);
        pool << seed;
    }
    static const QStringList words{u"invoice"_s, u"kubernetes"_s, u"poem"_s, u"migration"_s, u"forecast"_s, u"refund"_s,
                                   u"latency"_s, u"recipe"_s, u"schema"_s, u"translation"_s, u"budget"_s, u"outage"_s,
                                   u"playlist"_s, u"contract"_s, u"telescope"_s, u"garden"_s, u"compiler"_s, u"lease"_s};
    const QString modelKey = u"local:"_s + QString::fromLatin1(local::EmbeddingModel);
    constexpr int kBatch = 2000;
    for (int start = 0; start < rows; start += kBatch) {
        auto written = cache.writer().transact([&, start](store::Database &db) -> Result<store::ChangeSet> {
            auto rowSeq = bumpMetaCounter(db, kRowSeqKey);
            auto embeddingSeq = bumpMetaCounter(db, kEmbeddingSeqKey);
            if (!rowSeq || !embeddingSeq)
                return Error{ErrorKind::Storage, u"meta counters"_s};
            TrajectoryWriter trajectories(db);
            EnrichmentWriter enrichment(db);
            for (int i = start; i < std::min(rows, start + kBatch); ++i) {
                const Seed &seed = pool[i % pool.size()];
                QJsonObject data = seed.data;
                data[u"run_id"_s] = u"run-bench-%1"_s.arg(i);
                TrajectoryRecord record = recordFromData(cache.serverId(), u"agent-%1"_s.arg(i % 20), data);
                record.createdMs = T0 + qint64(i) * 60'000;
                auto upserted = trajectories.upsert(record, *rowSeq, T0);
                if (!upserted)
                    return upserted.error();
                const QString summary = seed.summary + u" Case %1 about %2 and %3."_s.arg(i).arg(words[i % words.size()],
                                                                                        words[(i / 7) % words.size()]);
                StageResult s;
                s.ok = true;
                s.backend = u"local"_s;
                s.stage = Stage::Summary;
                s.summary = summary;
                StageResult score = s;
                score.stage = Stage::Score;
                score.score = seed.score.value;
                score.scoreReasoning = seed.score.reasoning;
                StageResult labels = s;
                labels.stage = Stage::Labels;
                labels.labels = seed.labels;
                StageResult embedding = s;
                embedding.stage = Stage::Embedding;
                embedding.embeddingModelKey = modelKey;
                embedding.embedding = local::embed(summary);
                for (const StageResult &r : {s, score, labels, embedding}) {
                    if (auto ok = enrichment.apply(upserted->rowId, r, record.contentHash, *rowSeq, *embeddingSeq); !ok)
                        return ok.error();
                }
            }
            return store::ChangeSet{};
        }).result();
        if (!written) {
            say(u"seeding failed: "_s + written.error().toString());
            return false;
        }
    }
    return true;
}

// Recall of the index's top 10 against a brute-force scan in double precision over every stored vector.
double exactRecallAt10(const VectorIndex &index, const QList<float> &query, qint64 rows)
{
    std::vector<std::pair<double, qint64>> exact;
    exact.reserve(size_t(rows));
    for (qint64 id = 1; id <= rows; ++id) {
        const auto v = index.vectorOf(id);
        if (!v)
            continue;
        double dot = 0;
        for (qsizetype d = 0; d < query.size(); ++d)
            dot += double(query[d]) * double((*v)[d]);
        exact.push_back({-dot, id});
    }
    const size_t k = std::min<size_t>(10, exact.size());
    std::partial_sort(exact.begin(), exact.begin() + qsizetype(k), exact.end());
    QSet<qint64> truth;
    for (size_t i = 0; i < k; ++i)
        truth.insert(exact[i].second);
    int found = 0;
    for (const VectorHit &hit : index.search(query, 10))
        found += truth.contains(hit.rowId) ? 1 : 0;
    return k == 0 ? 1.0 : found / double(k);
}

void benchSearch(int rows)
{
    CacheFixture cache;
    if (!cache.open())
        return;
    QElapsedTimer clock;
    clock.start();
    if (!seedSearchRows(cache, rows))
        return;
    say(u"search cache: %1 processed trajectories seeded in %2 s (setup, not a budget)"_s.arg(rows).arg(clock.elapsed() / 1000.0, 0, 'f', 1));

    auto db = cache.read();
    VectorIndex index(u"local:"_s + QString::fromLatin1(local::EmbeddingModel));
    clock.restart();
    if (!index.refresh(db))
        return;
    say(u"vector index: %1 vectors of %2 dimensions loaded in %3 ms"_s.arg(index.size()).arg(index.dim()).arg(clock.elapsed()));

    const QStringList queries{u"tool error while fetching the weather"_s, u"fix the failing unit test"_s,
                              u"write a short story about a lighthouse"_s, u"analyse the sales data"_s,
                              u"remember my preferences"_s, u"search the web for papers"_s, u"kubernetes outage"_s,
                              u"refund for an invoice"_s, u"translation of a contract"_s, u"compiler latency budget"_s,
                              u"garden recipe playlist"_s, u"cancelled because it took too long"_s};
    std::vector<double> vectorMs;
    std::vector<double> recalls;
    for (int round = 0; round < 5; ++round) {
        for (const QString &q : queries) {
            const QList<float> v = local::embed(q);
            QElapsedTimer t;
            t.start();
            index.search(v, 10);
            vectorMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (round == 0)
                recalls.push_back(exactRecallAt10(index, v, rows));
        }
    }
    double recall = 0;
    for (double r : recalls)
        recall += r / double(recalls.size());
    say(u"vector search, top 10 of %1: p50 %2 ms, p95 %3 ms over %4 queries; recall@10 vs exact %5 (the index is "
        "exact)   (budget: p50 <= 20 ms, recall >= 0.95 if approximate)"_s.arg(rows)
            .arg(benchsupport::median(vectorMs), 0, 'f', 2).arg(benchsupport::percentile(vectorMs, 95), 0, 'f', 2)
            .arg(vectorMs.size()).arg(recall, 0, 'f', 3));

    // Searches go through the session the app uses, so each one includes its index refresh.
    auto session = SearchSession::open(cache.path(), std::make_shared<LocalBackend>());
    if (!session) {
        say(u"search session failed: "_s + session.error().toString());
        return;
    }
    clock.restart();
    (*session)->search(SearchRequest{queries.first(), std::nullopt, {}, 20});
    say(u"first search of a session (loads the vector and filter indexes): %1 ms"_s.arg(clock.elapsed()));
    const struct {
        const char *name;
        TrajectoryFilters filters;
    } cases[] = {
        {"no filters", {}},
        {"agent + score >= 0.5", [] { TrajectoryFilters f; f.agentIds = {u"agent-3"_s}; f.minScore = 0.5; return f; }()},
        {"status failed + tag", [] { TrajectoryFilters f; f.executionStatuses = {u"failed"_s}; f.tags = {u"tool_error"_s}; return f; }()},
        {"date range (last 10%) + complexity",
         [rows] { TrajectoryFilters f; f.sinceMs = T0 + qint64(rows) * 54'000; f.complexity = u"moderate"_s; return f; }()},
        {"score 0.3..0.7 (a contrast band)", [] { TrajectoryFilters f; f.minScore = 0.3; f.maxScore = 0.7; return f; }()},
    };
    for (const auto &c : cases) {
        std::vector<double> ms;
        qsizetype hits = 0;
        for (int round = 0; round < 3; ++round) {
            for (const QString &q : queries) {
                QElapsedTimer t;
                t.start();
                auto results = (*session)->search(SearchRequest{q, std::nullopt, c.filters, 20});
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
                hits += results ? results->hits.size() : 0;
            }
        }
        say(u"hybrid search (%1): p50 %2 ms, p95 %3 ms, %4 hits/query   (budget: <= 50 ms)"_s.arg(QLatin1StringView(c.name))
                .arg(benchsupport::median(ms), 0, 'f', 1).arg(benchsupport::percentile(ms, 95), 0, 'f', 1).arg(hits / qsizetype(ms.size())));
    }
    std::vector<double> contrastMs;
    for (const QString &q : queries) {
        QElapsedTimer t;
        t.start();
        (*session)->contrasts(SearchRequest{q, std::nullopt, {}, 5});
        contrastMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    say(u"contrasts (three tiers, 5 each): p50 %1 ms"_s.arg(benchsupport::median(contrastMs), 0, 'f', 1));

    // The Analytics tab's trajectory page: score bins, labels, tags and the semantic map, for all of them
    // and for one agent (a filter switch). The first computation also loads the worker's filter index.
    trajectories::FilterIndex statsIndex;
    clock.restart();
    if (!statsIndex.refresh(db))
        return;
    say(u"analytics filter index: %1 trajectories loaded in %2 ms (once per analytics worker)"_s.arg(statsIndex.size()).arg(clock.elapsed()));
    for (const auto &[name, filter] : {std::pair{"all", analytics::AnalyticsFilter{}},
                                       std::pair{"one agent", [] {
                                                     analytics::AnalyticsFilter f;
                                                     f.agentIds = {u"agent-3"_s};
                                                     return f;
                                                 }()}}) {
        std::vector<double> statsMs;
        int points = 0;
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer t;
            t.start();
            auto stats = analytics::computeTrajectoryStats(db, statsIndex, filter);
            statsMs.push_back(double(t.nsecsElapsed()) / 1e6);
            points = stats ? int(stats->map.points.size()) : -1;
        }
        say(u"analytics trajectory aggregates (%1, semantic map of %2 points): median %3 ms   (budget: <= 500 ms)"_s
                .arg(QLatin1StringView(name)).arg(points).arg(benchsupport::median(statsMs), 0, 'f', 1));
    }
}

/// Peak resident set of a running process, from /proc (KiB; -1 when unavailable).
qint64 peakRssKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Writes one request to the server and waits for its reply line (ms; -1 on failure).
double timedCall(QProcess &server, const QByteArray &request)
{
    QElapsedTimer t;
    t.start();
    server.write(request);
    while (!server.canReadLine()) {
        if (!server.waitForReadyRead(30'000))
            return -1;
    }
    server.readLine();
    return double(t.nsecsElapsed()) / 1e6;
}

/// The MCP server over stdio as an agent's client sees it: `search_trajectories` with contrasts, each answer
/// including the index refresh a new trajectory would need.
void benchMcp(int rows)
{
    CacheFixture cache;
    if (!cache.open() || !seedSearchRows(cache, rows))
        return;
    const QStringList queries{u"tool error while fetching the weather"_s, u"fix the failing unit test"_s,
                              u"analyse the sales data"_s, u"search the web for papers"_s, u"kubernetes outage"_s,
                              u"refund for an invoice"_s, u"cancelled because it took too long"_s};
    auto request = [](int id, const QString &query) {
        const QJsonObject call{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, u"tools/call"_s},
                               {u"params"_s, QJsonObject{{u"name"_s, u"search_trajectories"_s},
                                                         {u"arguments"_s, QJsonObject{{u"query"_s, query},
                                                                                      {u"include_contrasts"_s, true}}}}}};
        return QJsonDocument(call).toJson(QJsonDocument::Compact) + '\n';
    };
    std::vector<double> firstMs;
    std::vector<double> callMs;
    qint64 peakKiB = 0;
    for (int round = 0; round < 3; ++round) {
        QProcess server;
        QElapsedTimer started;
        started.start();
        server.start(QStringLiteral(LETTASCOPE_CLI), {u"--cache"_s, cache.path(), u"mcp"_s});
        if (!server.waitForStarted() || timedCall(server, request(0, queries.first())) < 0) {
            say(u"mcp: the server did not answer: "_s + QString::fromUtf8(server.readAllStandardError()));
            return;
        }
        firstMs.push_back(double(started.nsecsElapsed()) / 1e6);
        for (int i = 0; i < 20; ++i)
            callMs.push_back(timedCall(server, request(i + 1, queries.at(i % queries.size()))));
        peakKiB = std::max(peakKiB, peakRssKiB(server.processId()));
        server.closeWriteChannel();
        server.waitForFinished();
    }
    say(u"mcp search_trajectories with contrasts over stdio, %1 trajectories: p50 %2 ms, p95 %3 ms   (budget: p50 <= "
        "60 ms); first call of a server process (start, open, load indexes, answer) median %4 ms   (budget: <= 1500 "
        "ms); server peak RSS %5 MB   (budget: <= 200 MB)"_s.arg(rows)
            .arg(benchsupport::median(callMs), 0, 'f', 1).arg(benchsupport::percentile(callMs, 95), 0, 'f', 1)
            .arg(benchsupport::median(firstMs), 0, 'f', 0).arg(double(peakKiB) / 1024.0, 0, 'f', 0));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"runs"_s, u"Runs to build and process (default 10000)."_s, u"N"_s, u"10000"_s},
                       {u"search-rows"_s, u"Trajectories to search (default 100000)."_s, u"N"_s, u"100000"_s},
                       {u"gui-runs"_s, u"Runs processed while the GUI heartbeat runs (default 2000)."_s, u"N"_s, u"2000"_s},
                       {u"rounds"_s, u"Rounds per figure (default 3)."_s, u"N"_s, u"3"_s},
                       {u"only"_s, u"Run only these parts, comma-separated: process, gui, search, mcp."_s, u"PARTS"_s,
                        u"process,gui,search,mcp"_s}});
    parser.addHelpOption();
    parser.process(app);
    const QStringList parts = parser.value(u"only"_s).split(u',', Qt::SkipEmptyParts);
    say(benchsupport::machineLine());
    if (parts.contains(u"process"_s))
        benchBuildAndProcess(parser.value(u"runs"_s).toInt(), std::max(1, parser.value(u"rounds"_s).toInt()));
    if (parts.contains(u"gui"_s))
        benchGuiStall(parser.value(u"gui-runs"_s).toInt());
    if (parts.contains(u"search"_s))
        benchSearch(parser.value(u"search-rows"_s).toInt());
    if (parts.contains(u"mcp"_s))
        benchMcp(parser.value(u"search-rows"_s).toInt());
    return 0;
}
