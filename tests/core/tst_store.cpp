// SPDX-License-Identifier: MIT
#include "entityfactory.h"
#include "scalarquery.h"
#include "store/agentrevisions.h"
#include "store/eachrow.h"
#include "store/entitywriter.h"
#include "store/migrations.h"
#include "store/queries/catalogqueries.h"
#include "store/queries/detailqueries.h"
#include "store/queries/runqueries.h"
#include "store/queries/searchqueries.h"
#include "store/queries/serverqueries.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::store;
using namespace testsupport;

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_db;
    qint64 m_server = 0;

    Result<ChangeSet> write(const WriteBatch &batch, qint64 nowMs = 1000)
    {
        Transaction transaction(m_db);
        auto changes = EntityWriter(m_db).write(m_server, batch, nowMs);
        if (changes)
            transaction.commit();
        return changes;
    }

    RunSummary run(const QString &id)
    {
        auto found = findRun(m_db, m_server, id);
        if (!found || !*found)
            qFatal("run %s not found", qPrintable(id));
        return **found;
    }

private Q_SLOTS:
    void init()
    {
        auto db = Database::open(m_dir.filePath(u"cache-%1.db"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(db, qPrintable(db.ok() ? QString() : db.error().toString()));
        m_db = std::move(db).value();
        QVERIFY(migrate(m_db));
        auto server = EntityWriter(m_db).ensureServer({u"profile-1"_s, u"Demo"_s, u"http://127.0.0.1:1"_s, u"rest"_s, {}});
        QVERIFY(server);
        m_server = *server;
    }

    void migrationIsIdempotentAndRefusesNewerCaches()
    {
        QVERIFY(migrate(m_db));
        QVERIFY(m_db.exec("PRAGMA user_version = 999"));
        const Status status = migrate(m_db);
        QVERIFY(!status);
        QCOMPARE(status.error().kind, ErrorKind::Unsupported);
        QVERIFY(status.error().message.contains(u"newer Lettascope"_s));
    }

    void ensureServerIsStable()
    {
        auto again = EntityWriter(m_db).ensureServer({u"profile-1"_s, u"Renamed"_s, u"http://x"_s, u"rest"_s, u"0.16.8"_s});
        QCOMPARE(*again, m_server);
        auto other = EntityWriter(m_db).ensureServer({u"profile-2"_s, u"Other"_s, u"http://y"_s, u"rest"_s, {}});
        QVERIFY(*other != m_server);
        auto found = findServer(m_db, u"profile-1"_s);
        QCOMPARE((*found)->record.name, u"Renamed"_s);
        QCOMPARE((*found)->record.version, u"0.16.8"_s);
    }

    void rewritingTheSameDataChangesNothing()
    {
        WriteBatch batch;
        batch.agents = {makeAgent(u"agent-1"_s, u"Ada"_s)};
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 5000, u"end_turn"_s)};
        batch.steps = {makeStep(u"step-1"_s, u"run-1"_s, 100, 20)};
        batch.messages = {makeText(u"message-1"_s, u"user_message"_s, u"run-1"_s, u"hello"_s, 5000)};
        auto first = write(batch);
        QVERIFY(first);
        QVERIFY(first->has(ChangeSet::Runs) && first->has(ChangeSet::Messages) && first->has(ChangeSet::Agents));
        QCOMPARE(first->runIds, QSet<QString>{u"run-1"_s});
        auto second = write(batch, 2000);
        QVERIFY(second);
        QVERIFY2(second->isEmpty(), "an identical batch must not report changes");
        QCOMPARE(second->changeSeq, 0);
        QCOMPARE(run(u"run-1"_s).changeSeq, first->changeSeq);
    }

    void messagesAreKeyedByIdTypeAndOtid()
    {
        WriteBatch batch;
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 5000)};
        // One stored message expanding into reasoning + tool call, sharing the id.
        batch.messages = {makeText(u"message-A"_s, u"reasoning_message"_s, u"run-1"_s, u"think"_s, 5000, u"otid-0"_s),
                          makeToolCall(u"message-A"_s, u"run-1"_s, u"web_search"_s, u"{\"q\":1}"_s, 5000, u"otid-1"_s),
                          makeText(u"message-B"_s, u"assistant_message"_s, u"run-1"_s, u"done"_s, 6000)};
        QVERIFY(write(batch));
        auto messages = messagesForRun(m_db, m_server, u"run-1"_s);
        QVERIFY(messages);
        QCOMPARE(messages->size(), 3);
        QCOMPARE(messages->at(1).kind, MessageKind::ToolCall);
        QCOMPARE(messages->at(1).toolCalls.value(0).name, u"web_search"_s);
        QCOMPARE(run(u"run-1"_s).toolsUsed, QStringList{u"web_search"_s});
    }

    void rollupsKeepNullTokensNull_data()
    {
        QTest::addColumn<QList<std::optional<qint64>>>("prompt");
        QTest::addColumn<std::optional<qint64>>("expected");
        QTest::addRow("all reported") << QList<std::optional<qint64>>{10, 20} << std::optional<qint64>(30);
        QTest::addRow("some missing") << QList<std::optional<qint64>>{10, std::nullopt} << std::optional<qint64>(10);
        QTest::addRow("none reported") << QList<std::optional<qint64>>{std::nullopt, std::nullopt}
                                       << std::optional<qint64>();
    }
    void rollupsKeepNullTokensNull()
    {
        QFETCH(QList<std::optional<qint64>>, prompt);
        QFETCH(std::optional<qint64>, expected);
        WriteBatch batch;
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 5000)};
        for (int i = 0; i < prompt.size(); ++i)
            batch.steps << makeStep(u"step-%1"_s.arg(i), u"run-1"_s, prompt[i], std::nullopt);
        QVERIFY(write(batch));
        const RunSummary summary = run(u"run-1"_s);
        QCOMPARE(summary.stepCount, prompt.size());
        QCOMPARE(summary.promptTokens, expected);
        QCOMPARE(summary.completionTokens, std::optional<qint64>());
    }

    void stepsAreNumberedInArrivalOrderAndKeepMetrics()
    {
        WriteBatch batch;
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 5000)};
        batch.steps = {makeStep(u"step-b"_s, u"run-1"_s, 1, 1), makeStep(u"step-a"_s, u"run-1"_s, 1, 1)};
        QVERIFY(write(batch));
        WriteBatch metrics;
        StepMetrics m;
        m.stepNs = 42;
        m.raw = {{u"step_ns"_s, 42}};
        metrics.stepMetrics = {{u"step-a"_s, m}};
        auto changes = write(metrics);
        QVERIFY(changes && changes->runIds.contains(u"run-1"_s));
        // Re-listing the step without metrics must not erase them.
        WriteBatch relist;
        relist.steps = {makeStep(u"step-a"_s, u"run-1"_s, 2, 1)};
        QVERIFY(write(relist));
        auto steps = stepsForRun(m_db, m_server, u"run-1"_s);
        QCOMPARE(steps->size(), 2);
        QCOMPARE(steps->at(0).id, u"step-b"_s);
        QCOMPARE(steps->at(1).id, u"step-a"_s);
        QCOMPARE(steps->at(1).ordinal, 1);
        QVERIFY(steps->at(1).metrics.has_value());
        QCOMPARE(steps->at(1).metrics->stepNs, std::optional<qint64>(42));
        QCOMPARE(steps->at(1).promptTokens, std::optional<qint64>(2));
    }

    void agentRevisionsRecordChanges()
    {
        Agent agent = makeAgent(u"agent-1"_s, u"Ada"_s);
        WriteBatch batch;
        batch.agents = {agent};
        QVERIFY(write(batch, 1000));
        QVERIFY(write(batch, 2000)); // unchanged: extends revision 1
        agent.system = u"You are Ada, now terser."_s;
        agent.raw.insert(u"system"_s, agent.system);
        batch.agents = {agent};
        QVERIFY(write(batch, 3000));
        agent.blocks = {{u"block-1"_s, u"persona"_s, u"curious"_s, {}, {}}};
        agent.raw.insert(u"blocks"_s, 1);
        batch.agents = {agent};
        QVERIFY(write(batch, 4000));
        auto revisions = agentRevisions(m_db, m_server, u"agent-1"_s);
        QVERIFY(revisions);
        QCOMPARE(revisions->size(), 3);
        QCOMPARE(revisions->at(0).firstSeenMs, 1000);
        QCOMPARE(revisions->at(0).lastSeenMs, 2000);
        QCOMPARE(revisions->at(1).system, u"You are Ada, now terser."_s);
        QCOMPARE(revisions->at(2).blocks.value(u"persona"_s).toString(), u"curious"_s);
        auto stored = findAgent(m_db, m_server, u"agent-1"_s);
        QCOMPARE((*stored)->blocks.value(0).label, u"persona"_s);
    }

    void failedBatchLeavesNothingBehind()
    {
        WriteBatch batch;
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Running, 5000)};
        batch.syncState = {{u"runs.cursor"_s, u"run-1"_s}};
        Message bad = makeText(u"message-1"_s, u"user_message"_s, u"run-1"_s, u"x"_s, 5000);
        bad.messageType = QString(); // violates NOT NULL: the whole batch must roll back
        batch.messages = {bad};
        QVERIFY(!write(batch));
        auto count = countRuns(m_db, RunQuery{});
        QCOMPARE(*count, 0);
        QVERIFY(readSyncState(m_db, m_server)->isEmpty());
    }

    void runQueriesFilterSortAndCount()
    {
        WriteBatch batch;
        batch.agents = {makeAgent(u"agent-1"_s, u"Ada"_s), makeAgent(u"agent-2"_s, u"Bob"_s)};
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 1000, u"end_turn"_s),
                      makeRun(u"run-2"_s, u"agent-1"_s, RunStatus::Failed, 2000, u"llm_api_error"_s),
                      makeRun(u"run-3"_s, u"agent-2"_s, RunStatus::Running, 3000),
                      makeRun(u"run-4"_s, u"agent-2"_s, RunStatus::Cancelled, 4000, u"cancelled"_s)};
        QVERIFY(write(batch));
        auto ids = [this](const RunQuery &q) {
            QStringList out;
            for (const auto &s : *listRuns(m_db, q))
                out << s.run.id;
            return out;
        };
        RunQuery q;
        QCOMPARE(ids(q), (QStringList{u"run-4"_s, u"run-3"_s, u"run-2"_s, u"run-1"_s}));
        q.descending = false;
        q.limit = 2;
        q.offset = 1;
        QCOMPARE(ids(q), (QStringList{u"run-2"_s, u"run-3"_s}));
        RunQuery byAgent;
        byAgent.agentIds = {u"agent-2"_s};
        QCOMPARE(ids(byAgent), (QStringList{u"run-4"_s, u"run-3"_s}));
        RunQuery byStatus;
        byStatus.statuses = {RunStatus::Failed, RunStatus::Cancelled};
        QCOMPARE(*countRuns(m_db, byStatus), 2);
        RunQuery byText;
        byText.text = u"bob"_s;
        QCOMPARE(ids(byText), (QStringList{u"run-4"_s, u"run-3"_s}));
        QCOMPARE(*countRuns(m_db, byText), 2);
        RunQuery byDate;
        byDate.sinceMs = 2000;
        byDate.untilMs = 4000;
        QCOMPARE(ids(byDate), (QStringList{u"run-3"_s, u"run-2"_s}));
        QCOMPARE(*activeRunIds(m_db, m_server), QStringList{u"run-3"_s});
        auto agents = listAgents(m_db, m_server);
        QCOMPARE(agents->size(), 2);
        QCOMPARE(agents->at(0).runCount, 2);
        QCOMPARE(agents->at(0).failedRuns, 1);
        QCOMPARE(agents->at(1).lastRunStopReason, u"cancelled"_s);
    }

    void fullTextSearchFindsTextAndToolData_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("ids");
        QTest::addRow("content") << u"weather"_s << QStringList{u"message-1"_s};
        QTest::addRow("tool arguments") << u"Lisbon"_s << QStringList{u"message-2"_s};
        QTest::addRow("tool return") << u"timeout"_s << QStringList{u"message-3"_s};
        QTest::addRow("prefix") << u"weath"_s << QStringList{u"message-1"_s};
        QTest::addRow("operators are literal") << u"\"weather\" AND (NOT"_s << QStringList{};
        QTest::addRow("punctuation only") << u"!!"_s << QStringList{};
    }
    void fullTextSearchFindsTextAndToolData()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, ids);
        WriteBatch batch;
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 1000)};
        batch.messages = {makeText(u"message-1"_s, u"user_message"_s, u"run-1"_s, u"What is the weather?"_s, 1000),
                          makeToolCall(u"message-2"_s, u"run-1"_s, u"get_forecast"_s, u"{\"city\":\"Lisbon\"}"_s, 1001),
                          makeToolReturn(u"message-3"_s, u"run-1"_s, u"error"_s, u"upstream timeout"_s, 1002)};
        QVERIFY(write(batch));
        auto hits = searchMessages(m_db, m_server, query, 10);
        QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().toString()));
        QStringList found;
        for (const auto &hit : *hits)
            found << hit.message.id;
        QCOMPARE(found, ids);
        QCOMPARE(run(u"run-1"_s).toolErrors, 1);
    }

    void writerThreadCommitsAndNotifies()
    {
        StoreWriter writer;
        QVERIFY(writer.open(m_dir.filePath(u"threaded.db"_s)));
        QSignalSpy spy(&writer, &StoreWriter::changed);
        const qint64 server = writer.ensureServer({u"p"_s, u"P"_s, u"http://p"_s, u"rest"_s, {}}).result().value();
        WriteBatch batch;
        batch.runs = {makeRun(u"run-9"_s, u"agent-1"_s, RunStatus::Running, 1000)};
        auto result = writer.write(server, batch).result();
        QVERIFY(result);
        QTRY_COMPARE(spy.count(), 1);
        const auto changes = spy.at(0).at(0).value<ChangeSet>();
        QCOMPARE(changes.runIds, QSet<QString>{u"run-9"_s});
        // A reader on this thread sees the commit.
        auto reader = Database::open(writer.path(), Database::Mode::ReadOnly);
        QVERIFY(reader);
        QCOMPARE(*countRuns(*reader, RunQuery{}), 1);
    }

    void writerRunsDerivationsInTheWriteTransaction_data()
    {
        QTest::addColumn<bool>("fails");
        QTest::addRow("derived with the runs") << false;
        QTest::addRow("a failed derivation rolls the write back") << true;
    }

    void writerRunsDerivationsInTheWriteTransaction()
    {
        // What a module derives from runs is written with them or not at all.
        QFETCH(bool, fails);
        StoreWriter writer;
        writer.addDerivation({u"test"_s, [fails](Database &db, qint64, const QSet<QString> &runIds) -> Status {
            if (fails)
                return Error{ErrorKind::Storage, u"derivation failed"_s};
            if (auto created = db.exec("CREATE TABLE IF NOT EXISTS derived(run_id TEXT)"); !created)
                return created;
            auto insert = db.prepare("INSERT INTO derived(run_id) VALUES (?1)");
            for (const QString &id : runIds) {
                if (auto status = insert->bind(1, id).run(); !status)
                    return status;
            }
            return success();
        }, {}});
        QVERIFY(writer.open(m_dir.filePath(u"derived-%1.db"_s.arg(fails))));
        const qint64 server = writer.ensureServer({u"p"_s, u"P"_s, u"http://p"_s, u"rest"_s, {}}).result().value();
        WriteBatch batch;
        batch.runs = {makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 1000),
                      makeRun(u"run-2"_s, u"agent-1"_s, RunStatus::Failed, 2000)};
        const auto written = writer.write(server, batch).result();
        QCOMPARE(bool(written), !fails);
        auto runs = writer.call<qint64>([](Database &db) { return scalar(db, "SELECT count(*) FROM runs"); });
        QCOMPARE(runs.result().value(), fails ? 0 : 2);
        if (!fails) {
            auto derived = writer.call<qint64>([](Database &db) { return scalar(db, "SELECT count(*) FROM derived"); });
            QCOMPARE(derived.result().value(), 2);
        }
    }

    void writerBackfillsDerivationsAfterOpening()
    {
        // A derivation added to an existing cache fills its rows for older runs, a chunk per transaction,
        // each chunk taking its turn behind the jobs queued meanwhile (so writes never wait for all of it).
        WriteBatch batch;
        for (int i = 0; i < 5; ++i)
            batch.runs << makeRun(u"run-%1"_s.arg(i), u"agent-1"_s, RunStatus::Completed, 1000 + i);
        QVERIFY(write(batch));
        QVERIFY(m_db.exec("CREATE TABLE backfilled(run_rowid INTEGER PRIMARY KEY, chunk INTEGER)"));
        const QString path = m_db.path();
        m_db = Database();

        StoreWriter writer;
        auto chunks = std::make_shared<std::atomic_int>(0);
        writer.addDerivation({u"test"_s, [](Database &, qint64, const QSet<QString> &) { return success(); },
                              [chunks](Database &db, qint64 afterRowId, int) -> Result<std::optional<qint64>> {
            // Two runs a chunk, whatever the writer asks for, so the continuation is exercised.
            auto insert = db.prepare("INSERT INTO backfilled SELECT rowid, ?2 FROM runs WHERE rowid > ?1 "
                                     "ORDER BY rowid LIMIT 2 RETURNING run_rowid");
            insert->bind(1, afterRowId).bind(2, chunks->fetch_add(1));
            std::optional<qint64> last;
            const auto visit = [&last](const Statement &s) { last = std::max(last.value_or(0), s.int64(0)); };
            if (auto status = eachRow(*insert, visit); !status)
                return status.error();
            return last;
        }});
        QVERIFY(writer.open(path));
        const auto backfilled = [&writer] {
            return writer.call<qint64>([](Database &db) { return scalar(db, "SELECT count(*) FROM backfilled"); })
                .result().value();
        };
        QTRY_COMPARE(backfilled(), 5);
        auto distinctChunks = writer.call<qint64>([](Database &db) {
            return scalar(db, "SELECT count(DISTINCT chunk) FROM backfilled");
        });
        QCOMPARE(distinctChunks.result().value(), 3);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
