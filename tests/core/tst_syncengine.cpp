// SPDX-License-Identifier: MIT
#include "entityfactory.h"
#include "session/opencache.h"
#include "store/queries/runqueries.h"
#include "store/queries/serverqueries.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "sync/syncengine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::store;
using namespace testsupport;

namespace {

/// A scripted source: commits the batches it is given, one resource fails, the probe may fail.
class FakeSource final : public sync::SyncSource
{
public:
    Result<QString> probeResult = QString(u"0.16.8"_s);
    QList<WriteBatch> batches;
    QString failingResource;
    QString seenCursor;

    Result<QString> probe() override { return probeResult; }
    void sync(sync::SyncSink &sink, const sync::SyncOptions &, sync::SyncReport &report) override
    {
        seenCursor = sink.state(u"runs.cursor"_s);
        for (const auto &batch : batches) {
            auto &entry = report.resource(u"runs"_s);
            entry.fetched += batch.runs.size();
            entry.requests += 1;
            if (auto status = sink.commit(batch); !status) {
                entry.ok = false;
                entry.error = status.error().message;
                return;
            }
        }
        if (!failingResource.isEmpty()) {
            auto &failed = report.resource(failingResource);
            failed.ok = false;
            failed.error = u"HTTP 400"_s;
        }
    }
};

ServerRecord server()
{
    return {u"profile-x"_s, u"X"_s, u"http://127.0.0.1:9"_s, u"rest"_s, {}};
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void commitsBatchesAndLogsTheOutcome()
    {
        StoreWriter writer;
        QVERIFY(session::openCache(writer, m_dir.filePath(u"a.db"_s)));
        FakeSource source;
        for (int page = 0; page < 5; ++page) {
            WriteBatch batch;
            for (int i = 0; i < 10; ++i)
                batch.runs << makeRun(u"run-%1-%2"_s.arg(page).arg(i), u"agent-1"_s, RunStatus::Completed, page * 100 + i);
            batch.syncState.insert(u"runs.cursor"_s, u"page-%1"_s.arg(page));
            source.batches << batch;
        }
        source.failingResource = u"steps"_s;
        sync::SyncEngine engine(writer);
        sync::SyncReport report = engine.run(source, server(), sync::SyncOptions{});
        QVERIFY(!report.ok());
        QCOMPARE(report.serverVersion, u"0.16.8"_s);
        QCOMPARE(report.resource(u"runs"_s).fetched, 50);
        QVERIFY(report.summary().contains(u"steps: HTTP 400"_s));
        QCOMPARE(report.changes.runIds.size(), 50);

        auto db = Database::open(writer.path(), Database::Mode::ReadOnly);
        QCOMPARE(*countRuns(*db, RunQuery{}), 50);
        const auto cached = *findServer(*db, u"profile-x"_s);
        QVERIFY(cached.has_value());
        QCOMPARE(cached->record.version, u"0.16.8"_s);
        auto log = recentSyncs(*db, cached->id, 5);
        QCOMPARE(log->size(), 1);
        QVERIFY(!log->at(0).ok);
        QVERIFY(log->at(0).report.contains(u"\"resource\":\"steps\""_s));

        // The next sync starts from the committed cursor.
        FakeSource next;
        engine.run(next, server(), sync::SyncOptions{});
        QCOMPARE(next.seenCursor, u"page-4"_s);
    }

    void unreachableServerKeepsTheCache()
    {
        StoreWriter writer;
        QVERIFY(session::openCache(writer, m_dir.filePath(u"b.db"_s)));
        sync::SyncEngine engine(writer);
        FakeSource first;
        WriteBatch batch;
        batch.runs << makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 1);
        first.batches << batch;
        QVERIFY(engine.run(first, server(), sync::SyncOptions{}).ok());

        FakeSource down;
        down.probeResult = Error{ErrorKind::Network, u"connection refused"_s};
        const sync::SyncReport report = engine.run(down, server(), sync::SyncOptions{});
        QCOMPARE(report.fatal.kind, ErrorKind::Network);
        QVERIFY(report.summary().contains(u"connection refused"_s));
        auto db = Database::open(writer.path(), Database::Mode::ReadOnly);
        QCOMPARE(*countRuns(*db, RunQuery{}), 1);
        const auto cached = *findServer(*db, u"profile-x"_s);
        auto log = recentSyncs(*db, cached->id, 5);
        QCOMPARE(log->size(), 2);
        QVERIFY(log->at(0).error.contains(u"connection refused"_s));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
