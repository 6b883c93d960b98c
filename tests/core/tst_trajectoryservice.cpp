// SPDX-License-Identifier: MIT
// The GUI-facing service end to end (capture after a sync, processing, search, details, annotations,
// pause) and the processing settings facade.
#include "cachefixture.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processingsettings.h"
#include "trajectories/readworker.h"
#include "trajectories/trajectoryservice.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {
constexpr qint64 T0 = 1'767'225'600'000;

QList<ScenarioRun> scenarios(int from, int count)
{
    QList<ScenarioRun> runs;
    for (int i = from; i < from + count; ++i)
        runs << scenarioRun(i, i % 2 ? u"agent-b"_s : u"agent-a"_s, T0 + i * 60'000);
    return runs;
}
} // namespace

class TestTrajectoryService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

    std::unique_ptr<QSettings> freshSettings()
    {
        static int n = 0;
        return std::make_unique<QSettings>(m_settingsDir.filePath(u"settings-%1.ini"_s.arg(++n)), QSettings::IniFormat);
    }

private Q_SLOTS:
    void settingsSignalOnlyOnRealChange()
    {
        auto file = freshSettings();
        ProcessingSettings settings(file.get());
        QCOMPARE(settings.backend(Stage::Summary), Backend::Local);
        QCOMPARE(settings.embeddingModelKey(), u"local:hash256-v1"_s);
        QSignalSpy changed(&settings, &ProcessingSettings::changed);
        QSignalSpy endpoint(&settings, &ProcessingSettings::llmEndpointChanged);
        QSignalSpy embedding(&settings, &ProcessingSettings::embeddingModelKeyChanged);
        settings.setChatModel(u"gpt-4o-mini"_s);
        settings.setChatModel(u"gpt-4o-mini"_s);
        QCOMPARE(endpoint.count(), 1);
        settings.setEmbeddingModel(u"text-embedding-3-small"_s);
        QCOMPARE(embedding.count(), 0); // embeddings are still local: the active index did not change
        settings.setBackend(Stage::Embedding, Backend::OpenAi);
        settings.setBackend(Stage::Embedding, Backend::OpenAi);
        QCOMPARE(embedding.count(), 1);
        QCOMPARE(embedding.constFirst().constFirst().toString(), u"openai:text-embedding-3-small"_s);
        settings.setAutoProcess(true); // the default: no change
        settings.setMaxAttempts(3);
        QCOMPARE(changed.count(), 4);
        // Written through: another facade over the same file reads the same values.
        ProcessingSettings again(file.get());
        QCOMPARE(again.backend(Stage::Embedding), Backend::OpenAi);
        QCOMPARE(again.maxAttempts(), 3);
        const ProcessingConfig config = again.snapshot();
        QVERIFY(config.usesNetwork());
        QVERIFY(config.problem().contains(u"no base URL"_s));
    }

    void captureProcessSearchAnnotate()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        auto file = freshSettings();
        ProcessingSettings settings(file.get());
        TrajectoryService service(cache.writer(), settings);
        QSignalSpy built(&service, &TrajectoryService::buildFinished);
        QSignalSpy queue(&service, &TrajectoryService::queueChanged);
        service.start();
        QVERIFY(built.wait());

        // A sync lands: the service builds and processes without being asked.
        QVERIFY(cache.write(scenarios(0, 24)));
        QTRY_COMPARE_WITH_TIMEOUT(service.queueStats().succeeded, 24, 15000);
        QCOMPARE(built.last().constFirst().value<BuildReport>().created, 24);

        QSignalSpy found(&service, &TrajectoryService::searchFinished);
        const quint64 stale = service.search(SearchRequest{u"lighthouse"_s, std::nullopt, {}, 5});
        const quint64 latest = service.search(SearchRequest{u"weather Paris"_s, std::nullopt, {}, 5});
        QVERIFY(stale < latest);
        QVERIFY(found.wait());
        QVERIFY(!found.wait(200)); // the superseded search is never delivered
        QCOMPARE(found.count(), 1);
        QCOMPARE(found.constFirst().at(0).toULongLong(), latest);
        const SearchResults results = found.constFirst().at(1).value<SearchResults>();
        QVERIFY(!results.hits.isEmpty());
        QVERIFY(results.hits.constFirst().row.summary.contains(u"Paris"_s));
        const qint64 target = results.hits.constFirst().row.rowId;

        QSignalSpy contrasted(&service, &TrajectoryService::contrastsFinished);
        service.contrasts(SearchRequest{u"tool error"_s, std::nullopt, {}, 24});
        QVERIFY(contrasted.wait());
        const Contrasts c = contrasted.constFirst().at(1).value<Contrasts>();
        QCOMPARE(c.successes.size() + c.moderate.size() + c.failures.size(), 24);

        QSignalSpy similar(&service, &TrajectoryService::searchFinished);
        service.similar(target, 3);
        QVERIFY(similar.wait());
        for (const SearchHit &hit : similar.constFirst().at(1).value<SearchResults>().hits)
            QVERIFY(hit.row.rowId != target);

        QSignalSpy saved(&service, &TrajectoryService::annotationSaved);
        Annotation note;
        note.humanScore = 0.95;
        note.tags = {u"golden"_s};
        note.note = u"use as an example"_s;
        service.setAnnotation(target, note);
        // Counted, not waited for: the write may land before setAnnotation returns (QFuture::then on a
        // finished future runs at once), and QSignalSpy::wait only sees later emissions.
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QSignalSpy detail(&service, &TrajectoryService::detailLoaded);
        service.loadDetail(target);
        QVERIFY(detail.wait());
        const TrajectoryDetail d = detail.constFirst().at(1).value<TrajectoryDetail>();
        QCOMPARE(d.annotation.humanScore, std::optional<double>(0.95));
        QCOMPARE(d.annotation.note, u"use as an example"_s);
        QCOMPARE(d.stages.size(), StageCount);
        // Annotation tags filter like label tags.
        SearchRequest golden;
        golden.text = u"weather"_s;
        golden.filters.tags = {u"golden"_s};
        service.search(golden);
        QVERIFY(found.wait());
        QCOMPARE(found.last().at(1).value<SearchResults>().hits.size(), 1);

        // Manual re-process goes through the queue again.
        service.reprocess({target}, stageBit(Stage::Score));
        QTRY_COMPARE_WITH_TIMEOUT(service.queueStats().succeeded, 24, 15000);
        QVERIFY(queue.count() > 0);
    }

    void pauseHoldsTheQueue()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        auto file = freshSettings();
        ProcessingSettings settings(file.get());
        TrajectoryService service(cache.writer(), settings);
        QSignalSpy paused(&service, &TrajectoryService::pausedChanged);
        service.pause();
        QCOMPARE(paused.count(), 1);
        service.start();
        QSignalSpy built(&service, &TrajectoryService::buildFinished);
        QVERIFY(cache.write(scenarios(0, 6)));
        QVERIFY(built.wait(5000));
        QTRY_COMPARE(service.queueStats().queued, 6);
        QVERIFY(service.queueStats().paused);
        service.resume();
        QTRY_COMPARE_WITH_TIMEOUT(service.queueStats().succeeded, 6, 15000);

        // Cancelling everything open, then retrying it.
        service.pause();
        service.reprocess({1, 2}, AllStages);
        QTRY_COMPARE(service.queueStats().queued, 2);
        service.cancelJobs();
        QTRY_COMPARE(service.queueStats().cancelled, 2);
        QSignalSpy queueMoved(&service, &TrajectoryService::queueChanged);
        service.retryJobs({}); // retries failed jobs only: cancelled ones stay cancelled
        QVERIFY(queueMoved.wait());
        QCOMPARE(service.queueStats().cancelled, 2);
        QCOMPARE(service.queueStats().queued, 0);
    }

    void switchingTheEmbeddingModelReEmbeds()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        QVERIFY(cache.write(scenarios(0, 5)));
        auto file = freshSettings();
        ProcessingSettings settings(file.get());
        TrajectoryService service(cache.writer(), settings);
        service.start();
        QTRY_COMPARE_WITH_TIMEOUT(service.queueStats().succeeded, 5, 15000);
        service.pause();
        // An OpenAI embedding model without an endpoint: the service says so and stops processing,
        // but the re-embedding is queued for when it can run.
        QSignalSpy errors(&service, &TrajectoryService::errorOccurred);
        settings.setEmbeddingModel(u"nomic-embed-text"_s);
        settings.setBackend(Stage::Embedding, Backend::OpenAi);
        QTRY_COMPARE(service.queueStats().queued, 5);
        QTRY_VERIFY(!errors.isEmpty());
        QVERIFY(errors.constFirst().constFirst().value<Error>().message.contains(u"no base URL"_s));
    }
};

QTEST_MAIN(TestTrajectoryService)
#include "tst_trajectoryservice.moc"
