// SPDX-License-Identifier: MIT
// History reconstruction from the three stored forms (conversation_messages_list, the local store's
// messages.jsonl, trajectory-v1 exports), folder imports with exact counts, and the store merge
// of live and reconstructed runs (no duplicates, recorded rows win).
#include "appserver/eventassembler.h"
#include "appserver/folderimport.h"
#include "appserver/sessionlog.h"
#include "appserver/trajectoryfile.h"
#include "appserver/turnassembler.h"
#include "replayutil.h"
#include "store/entitywriter.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::appserver;
using appservertest::rows;

namespace {

const QString kAgent = u"agent-local-635c097b-dce6-4aea-be39-eab192657425"_s;

QStringList describeRuns(const AssembledHistory &history)
{
    QStringList out;
    for (const Run &run : history.runs) {
        int steps = 0;
        int messages = 0;
        for (const Step &step : history.steps)
            steps += step.runId == run.id ? 1 : 0;
        for (const Message &message : history.messages)
            messages += message.runId == run.id ? 1 : 0;
        out << u"%1 %2 %3 %4"_s.arg(run.id, runStatusToString(run.status)).arg(steps).arg(messages);
    }
    return out;
}

QString base64Url(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void copyFixture(const QString &fixture, const QString &target)
{
    QDir().mkpath(QFileInfo(target).path());
    QFile::remove(target);
    QVERIFY(QFile::copy(testsupport::fixturePath(fixture), target));
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void conversationHistory_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("conversation");
        QTest::addColumn<bool>("newestFirst");
        QTest::addColumn<QStringList>("runs");       // id status steps messages
        QTest::addColumn<QString>("lastTurnStart");
        QTest::addRow("text and tool turns, newest first")
            << u"conversation_messages_list_response.desc.json"_s << u"local-conv-1"_s << true
            << QStringList{u"local-conv-1/cm-1/1 completed 1 2"_s, u"local-conv-1/cm-2/1 completed 1 3"_s,
                           u"local-conv-1/cm-2/2 completed 1 1"_s}
            << u"ui-msg-3"_s;
        QTest::addRow("approval turn")
            << u"conversation_messages_list_response.asc_after_approval.json"_s << u"local-conv-6"_s << false
            << QStringList{u"local-conv-6/cm-5/1 completed 1 3"_s, u"local-conv-6/cm-5/2 completed 1 1"_s} << u"ui-msg-19"_s;
        // Each outer retry stored another copy of the prompt: one run per attempt, the last unknown.
        QTest::addRow("failed turn with retries")
            << u"conversation_messages_list_response.asc_after_error.json"_s << u"local-conv-5"_s << false
            << QStringList{u"local-conv-5/cm-3/1 completed 1 2"_s, u"local-conv-5/cm-4/1 failed 0 1"_s,
                           u"local-conv-5/cm-4/2 failed 0 1"_s, u"local-conv-5/cm-4/3 failed 0 1"_s,
                           u"local-conv-5/cm-4/4 unknown 0 1"_s}
            << u"ui-msg-15"_s;
    }
    void conversationHistory()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, conversation);
        QFETCH(bool, newestFirst);
        const QJsonArray messages = testsupport::readJsonFixture(u"letta-live/ws/"_s + fixture).object().value(u"messages").toArray();
        qint64 skipped = 0;
        const ConversationRef ref = ConversationRef::of(kAgent, conversation);
        const AssembledHistory history = assembleHistory(ref, entriesFromHistory(messages, newestFirst, ref, &skipped));
        QCOMPARE(skipped, 0);
        QTEST(describeRuns(history), "runs");
        QTEST(history.lastTurnStartId, "lastTurnStart");
        for (const Run &run : history.runs) {
            QVERIFY(run.reconstructed);
            QVERIFY(run.stopReason.isEmpty());       // never invented
            QVERIFY(!run.totalDurationNs.has_value());
        }
        for (const Step &step : history.steps) {
            QVERIFY(step.reconstructed);
            QVERIFY(!step.promptTokens.has_value()); // the history API has no usage: empty, not 0
        }
    }

    void historyKeepsPromptsAndToolCalls()
    {
        const QJsonArray messages = testsupport::readJsonFixture(u"letta-live/ws/conversation_messages_list_response.desc.json"_s)
                                        .object().value(u"messages").toArray();
        const ConversationRef ref = ConversationRef::of(kAgent, u"local-conv-1"_s);
        const AssembledHistory history = assembleHistory(ref, entriesFromHistory(messages, true, ref, nullptr));
        QStringList ids;
        for (const Message &m : history.messages)
            ids << m.id + u' ' + m.runId + u' ' + m.stepId;
        QCOMPARE(ids, (QStringList{u"ui-msg-1 local-conv-1/cm-1/1 "_s,
                                   u"ui-msg-2 local-conv-1/cm-1/1 local-conv-1/cm-1/1/step/1"_s,
                                   u"ui-msg-3 local-conv-1/cm-2/1 "_s,
                                   u"local-conv-1/tool/call_f9cc95045d/request local-conv-1/cm-2/1 local-conv-1/cm-2/1/step/1"_s,
                                   u"local-conv-1/tool/call_f9cc95045d/return local-conv-1/cm-2/1 local-conv-1/cm-2/1/step/1"_s,
                                   u"ui-msg-6 local-conv-1/cm-2/2 local-conv-1/cm-2/2/step/1"_s}));
        QVERIFY(history.messages[0].text.endsWith(u"Hello agent, please say hi."_s));
        QCOMPARE(history.messages[0].otid, u"cm-1"_s);
    }

    void storeSessionLogHasTokens()
    {
        const ConversationRef ref = ConversationRef::of(kAgent, u"local-conv-1"_s);
        qint64 skipped = 0;
        const AssembledHistory history = assembleHistory(
            ref, entriesFromSessionLog(testsupport::readFixture(u"letta-live/store/local-conv-1.messages.jsonl"_s), ref, &skipped));
        QCOMPARE(skipped, 0);
        QCOMPARE(describeRuns(history),
                 (QStringList{u"local-conv-1/cm-1/1 completed 1 2"_s, u"local-conv-1/cm-2/1 completed 1 3"_s,
                              u"local-conv-1/cm-2/2 completed 1 1"_s, u"local-conv-1/cm-6/1 completed 1 2"_s,
                              u"local-conv-1/cm-8/1 completed 1 2"_s, u"local-conv-1/cm-t/1 completed 1 2"_s}));
        for (const Step &step : history.steps) {
            QCOMPARE(step.promptTokens, std::optional<qint64>(120));
            QCOMPARE(step.completionTokens, std::optional<qint64>(12));
            QCOMPARE(step.totalTokens, std::optional<qint64>(132));
            QCOMPARE(step.model, u"fake-model"_s);
            QCOMPARE(step.providerName, u"openai-compatible"_s);
        }
        // The stored tool call gets the id the history API and the live stream give it.
        const Message call = history.messages[3];
        QCOMPARE(call.id, u"local-conv-1/tool/call_f9cc95045d/request"_s);
        QCOMPARE(call.messageType, u"approval_request_message"_s);
        QCOMPARE(call.toolCalls.first().arguments, u"{\"file_path\":\"<WORKDIR>/a.txt\"}"_s);
        QCOMPARE(history.messages[4].toolReturns.first().status, u"success"_s);
    }

    void trajectoryRecords()
    {
        // (moc in Qt 6.4 mis-reads raw string literals, so the records are built as JSON values)
        const QJsonArray records{
            QJsonObject{{u"role"_s, u"meta"_s}, {u"source"_s, u"claude-code"_s}, {u"model"_s, u"m-1"_s}},
            QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"fix the bug"_s}, {u"timestamp"_s, u"2026-11-24T10:00:00Z"_s}},
            QJsonObject{{u"role"_s, u"reasoning"_s}, {u"content"_s, u"look first"_s}, {u"timestamp"_s, u"2026-11-24T10:00:01Z"_s}},
            QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue::Null},
                        {u"tool_calls"_s, QJsonArray{QJsonObject{{u"id"_s, u"t1"_s}, {u"name"_s, u"Read"_s}, {u"args"_s, u"{\"path\":\"a\"}"_s}}}},
                        {u"timestamp"_s, u"2026-11-24T10:00:02Z"_s}},
            QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"t1"_s}, {u"content"_s, u"boom"_s}, {u"ok"_s, false},
                        {u"timestamp"_s, u"2026-11-24T10:00:03Z"_s}},
            QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"fixed"_s}, {u"timestamp"_s, u"2026-11-24T10:00:04Z"_s}},
            QJsonObject{{u"role"_s, u"mystery"_s}}};
        const QByteArray file = QJsonDocument(records).toJson();
        const ConversationRef ref = ConversationRef::of(u"trajectory:claude-code"_s, u"claude-code:s1"_s);
        auto parsed = parseTrajectoryFile(file, ref, u"s1"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->source, u"claude-code"_s);
        QCOMPARE(parsed->skipped, 1);
        const AssembledHistory history = assembleHistory(ref, parsed->entries, AssemblyOptions{false});
        QCOMPARE(describeRuns(history), QStringList{u"claude-code:s1/s1:1/1 completed 2 5"_s});
        QCOMPARE(history.messages[1].stepId, history.messages[2].stepId); // reasoning belongs to its call
        QCOMPARE(history.messages[3].toolReturns.first().status, u"error"_s);
        QCOMPARE(history.messages[3].stepId, history.messages[2].stepId);
        QCOMPARE(history.steps.first().model, u"m-1"_s);
        QVERIFY(!parseTrajectoryFile("{\"role\":\"meta\"}", ref, u"x"_s));
        QVERIFY(!parseTrajectoryFile("[{\"role\":\"user\"}]", ref, u"x"_s));
        QVERIFY(!parseTrajectoryFile("[{\"role\":", ref, u"x"_s));
    }

    void importTrajectoryExport()
    {
        store::StoreWriter writer;
        QVERIFY(writer.open(m_dir.filePath(u"trajectory.db"_s)));
        const ImportReport report = importFolder(writer, testsupport::fixturePath(u"letta-live/trajectory"_s));
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        QCOMPARE(report.format, ImportFormat::TrajectoryExport);
        QCOMPARE(report.files, 3);
        QCOMPARE(report.agents, 1);
        QCOMPARE(report.conversations, 3);
        QCOMPARE(report.runs, 5);
        QCOMPARE(report.steps, 5);
        QCOMPARE(report.messages, 10);
        auto db = store::Database::open(writer.path(), store::Database::Mode::ReadOnly);
        QVERIFY(db);
        QCOMPARE(rows(*db, "SELECT id || ' ' || conversation_id || ' ' || message_count FROM runs ORDER BY created_ms"),
                 (QStringList{u"local-conv-1/07beace6ea:1/1 local-conv-1 2"_s, u"local-conv-1/07beace6ea:3/1 local-conv-1 2"_s,
                              u"local-conv-2/37a7655ff6:1/1 local-conv-2 2"_s, u"local-conv-2/37a7655ff6:3/1 local-conv-2 2"_s,
                              u"local-conv-3/288e39f609:1/1 local-conv-3 2"_s}));
        QCOMPARE(rows(*db, "SELECT kind || ' ' || profile_id FROM servers").first(),
                 u"import import:"_s + QFileInfo(testsupport::fixturePath(u"letta-live/trajectory"_s)).canonicalFilePath());
        // Token counts do not exist in this format: empty, never 0.
        QCOMPARE(rows(*db, "SELECT count(*) FROM steps WHERE prompt_tokens IS NOT NULL"), QStringList{u"0"_s});

        const ImportReport again = importFolder(writer, testsupport::fixturePath(u"letta-live/trajectory"_s));
        QVERIFY(again.ok());
        QVERIFY2(again.changes.isEmpty(), "re-importing the same folder changes nothing");
    }

    void importAppServerStore()
    {
        // The store's real layout, rebuilt from the flat fixture copies.
        const QString root = m_dir.filePath(u"home/.letta/lc-local-backend"_s);
        const QString conversation = root + u"/conversations/"_s + base64Url(u"conversation:local-conv-1"_s);
        copyFixture(u"letta-live/store/agent-record.json"_s, root + u"/agents/"_s + base64Url(kAgent) + u".json"_s);
        copyFixture(u"letta-live/store/local-conv-1.conversation.json"_s, conversation + u"/conversation.json"_s);
        copyFixture(u"letta-live/store/local-conv-1.manifest.json"_s, conversation + u"/manifest.json"_s);
        copyFixture(u"letta-live/store/local-conv-1.messages.jsonl"_s, conversation + u"/messages.jsonl"_s);
        copyFixture(u"letta-live/store/local-conv-1.system-prompt.json"_s, conversation + u"/system-prompt.json"_s);

        QCOMPARE(detectImportFormat(m_dir.filePath(u"home"_s)).valueOr(ImportFormat::TrajectoryExport), ImportFormat::AppServerStore);
        store::StoreWriter writer;
        QVERIFY(writer.open(m_dir.filePath(u"store.db"_s)));
        const ImportReport report = importFolder(writer, m_dir.filePath(u"home"_s));
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        QCOMPARE(report.format, ImportFormat::AppServerStore);
        QCOMPARE(report.files, 1);
        QCOMPARE(report.agents, 1);
        QCOMPARE(report.conversations, 1);
        QCOMPARE(report.runs, 6);
        QCOMPARE(report.steps, 6);
        QCOMPARE(report.messages, 12);
        auto db = store::Database::open(writer.path(), store::Database::Mode::ReadOnly);
        QVERIFY(db);
        QCOMPARE(rows(*db, "SELECT name || ' ' || model FROM agents"), QStringList{u"dash-fixture-agent openai-compatible/fake-model"_s});
        QCOMPARE(rows(*db, "SELECT sum(total_tokens) || ' ' || sum(step_count) FROM runs"), QStringList{u"792 6"_s});
        // One conversation folder alone imports too.
        const ImportReport single = importFolder(writer, conversation);
        QVERIFY(single.ok());
        QCOMPARE(single.runs, 6);
    }

    void importRejectsOtherFolders()
    {
        const QString empty = m_dir.filePath(u"nothing-here"_s);
        QDir().mkpath(empty);
        store::StoreWriter writer;
        QVERIFY(writer.open(m_dir.filePath(u"rejects.db"_s)));
        const ImportReport report = importFolder(writer, empty);
        QCOMPARE(report.fatal.kind, ErrorKind::Unsupported);
        QVERIFY(report.summary().contains(u"neither a trajectory-v1 export"_s));
        QCOMPARE(importFolder(writer, m_dir.filePath(u"missing"_s)).fatal.kind, ErrorKind::Io);
    }

    void liveAndHistoryMergeWithoutDuplicates_data()
    {
        QTest::addColumn<bool>("historyFirst");
        QTest::addRow("recorded, then history synced") << false;
        QTest::addRow("history synced, then recorded") << true;
    }
    void liveAndHistoryMergeWithoutDuplicates()
    {
        QFETCH(bool, historyFirst);
        auto db = store::Database::open(m_dir.filePath(u"merge-%1.db"_s.arg(historyFirst)));
        QVERIFY(db);
        QVERIFY(store::migrate(*db));
        store::EntityWriter writer(*db);
        const qint64 server = *writer.ensureServer({u"url:ws://127.0.0.1:4500"_s, u"a"_s, u"ws://127.0.0.1:4500"_s, u"app_server"_s, {}});
        auto write = [&](const store::WriteBatch &batch) {
            store::Transaction transaction(*db);
            QVERIFY(writer.write(server, batch, 1000));
            QVERIFY(transaction.commit());
        };
        const ConversationRef ref = ConversationRef::of(kAgent, u"local-conv-1"_s);
        const QJsonArray listing = testsupport::readJsonFixture(u"letta-live/ws/conversation_messages_list_response.desc.json"_s)
                                       .object().value(u"messages").toArray();
        const AssembledHistory history = assembleListing(ref, listing, {}, nullptr);
        store::WriteBatch historyBatch;
        historyBatch.runs = history.runs;
        historyBatch.steps = history.steps;
        historyBatch.messages = history.messages;
        EventAssembler live(u"e"_s);
        if (historyFirst)
            write(historyBatch);
        for (const QJsonObject &frame : appservertest::receivedFrames(u"session-a.create-agent-text-turn-tool-turn.frames.jsonl"_s)) {
            live.apply(frame);
            write(live.takeChanges());
        }
        if (!historyFirst)
            write(historyBatch);

        QCOMPARE(rows(*db, "SELECT id || ' ' || reconstructed || ' ' || status || ' ' || stop_reason || ' ' || total_tokens "
                           "|| ' ' || message_count FROM runs ORDER BY created_ms"),
                 (QStringList{u"local-conv-1/cm-1/1 0 completed end_turn 132 2"_s,
                              u"local-conv-1/cm-2/1 0 completed requires_approval 132 4"_s,
                              u"local-conv-1/cm-2/2 0 completed end_turn 132 1"_s}));
        QCOMPARE(rows(*db, "SELECT count(*) || ' ' || sum(reconstructed) || ' ' || sum(total_tokens) FROM steps"),
                 QStringList{u"3 0 396"_s});
        QCOMPARE(rows(*db, "SELECT message_type || ' ' || id FROM messages WHERE run_id = 'local-conv-1/cm-2/1' ORDER BY date_ms, seq"),
                 (QStringList{u"user_message ui-msg-3"_s,
                              u"approval_request_message local-conv-1/tool/call_f9cc95045d/request"_s,
                              u"approval_response_message local-conv-1/tool/call_f9cc95045d/approval"_s,
                              u"tool_return_message local-conv-1/tool/call_f9cc95045d/return"_s}));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
