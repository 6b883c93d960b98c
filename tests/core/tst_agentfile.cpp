// SPDX-License-Identifier: MIT
// The three real agent files in tests/fixtures/agent-files, checked against the counts published
// in their SOURCE.md, plus the error paths.
#include "letta/agentfile.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::letta;

Q_DECLARE_METATYPE(lettascope::ErrorKind)
Q_DECLARE_METATYPE(lettascope::letta::AgentFile::Format)

namespace {
QString render(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
    return parts.join(u',');
}

// One stored message expands into several entries sharing its id; count it once, by its role.
QString rolesOf(const QList<Message> &messages)
{
    QMap<QString, int> counts;
    QSet<QString> seen;
    for (const Message &m : messages) {
        if (!seen.contains(m.id)) {
            seen.insert(m.id);
            ++counts[m.raw.value(u"role").toString()];
        }
    }
    return render(counts);
}

QString callsOf(const QList<Message> &messages)
{
    QMap<QString, int> counts;
    for (const Message &m : messages) {
        for (const ToolCall &call : m.toolCalls)
            ++counts[call.name];
    }
    return render(counts);
}

QString returnsOf(const QList<Message> &messages)
{
    QMap<QString, int> counts;
    for (const Message &m : messages) {
        if (m.kind != MessageKind::ToolReturn)
            continue;
        for (const ToolReturn &r : m.toolReturns)
            ++counts[r.status.isEmpty() ? u"unknown"_s : r.status];
    }
    return render(counts);
}

int countKind(const QList<Message> &messages, MessageKind kind)
{
    return int(std::count_if(messages.begin(), messages.end(), [&](const Message &m) { return m.kind == kind; }));
}

AgentFile load(const QString &name)
{
    auto file = readAgentFile(testsupport::fixturePath(u"agent-files/"_s + name));
    if (!file.ok())
        qFatal("%s", qPrintable(file.error().toString()));
    return std::move(file).value();
}
} // namespace

class TestAgentFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Expected values are the numbers in tests/fixtures/agent-files/SOURCE.md.
    void matchesPublishedCounts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("agent");
        QTest::addColumn<AgentFile::Format>("format");
        QTest::addColumn<int>("agentCount");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("roles");
        QTest::addColumn<QString>("calls");
        QTest::addColumn<QString>("returns");
        QTest::addColumn<int>("reasoningEntries");
        using F = AgentFile::Format;
        QTest::addRow("lettabot-builder main") << u"lettabot-builder.af"_s << 0 << F::Agents << 2 << u"lettabot-builder"_s
                                               << u"assistant=1,system=1,user=1"_s << QString() << QString() << 1;
        QTest::addRow("lettabot-builder sleeptime") << u"lettabot-builder.af"_s << 1 << F::Agents << 2
                                                    << u"Nameless Agent-sleeptime"_s
                                                    << u"assistant=64,system=1,tool=62,user=61"_s
                                                    << u"memory_finish_edits=59,memory_replace=3"_s << u"success=62"_s << 64;
        QTest::addRow("memgpt legacy") << u"memgpt_agent_with_convo.af"_s << 0 << F::Legacy << 1 << u"memgpt_agent"_s
                                       << u"assistant=28,system=6,tool=28,user=29"_s
                                       << u"core_memory_append=2,core_memory_replace=3,send_message=23"_s
                                       << u"success=28"_s << 28;
        QTest::addRow("test_agent approvals") << u"test_agent.af"_s << 0 << F::Agents << 1 << u"letta-cli-agent"_s
                                              << u"approval=9,assistant=2,system=1,tool=4,user=4"_s
                                              << u"Bash=6,Glob=2,LS=1,Read=2"_s << u"error=1,success=7"_s << 5;
    }
    void matchesPublishedCounts()
    {
        QFETCH(QString, file);
        QFETCH(int, agent);
        QFETCH(AgentFile::Format, format);
        QFETCH(int, agentCount);
        QFETCH(QString, name);
        QFETCH(QString, roles);
        QFETCH(QString, calls);
        QFETCH(QString, returns);
        QFETCH(int, reasoningEntries);
        const AgentFile parsed = load(file);
        QCOMPARE(parsed.format, format);
        QCOMPARE(parsed.agents.size(), agentCount);
        const AgentFileAgent &entry = parsed.agents.at(agent);
        QCOMPARE(entry.agent.name, name);
        QCOMPARE(rolesOf(entry.messages), roles);
        QCOMPARE(callsOf(entry.messages), calls);
        QCOMPARE(returnsOf(entry.messages), returns);
        QCOMPARE(countKind(entry.messages, MessageKind::Reasoning), reasoningEntries);
        QCOMPARE(countKind(entry.messages, MessageKind::Unknown), 0);
        for (const Message &m : entry.messages) {
            QVERIFY(!m.id.isEmpty());
            QCOMPARE(m.agentId, entry.agent.id);
            QVERIFY(m.dateMs.has_value());
        }
    }

    void lettabotBuilderPoolsAndGroups()
    {
        const AgentFile file = load(u"lettabot-builder.af"_s);
        QCOMPARE(file.version, u"3e54e2fa2f7e"_s);
        QVERIFY(file.exportedMs.has_value());
        QCOMPARE(file.groups.size(), 1);
        QCOMPARE(file.groups[0].toObject().value(u"manager_config").toObject().value(u"manager_type").toString(),
                 u"sleeptime"_s);
        const Agent &main = file.agents[0].agent;
        const Agent &sleeptime = file.agents[1].agent;
        QCOMPARE(main.agentType, u"letta_v1_agent"_s);
        QCOMPARE(sleeptime.agentType, u"sleeptime_agent"_s);
        QCOMPARE(main.blocks.size(), 9);
        QCOMPARE(sleeptime.blocks.size(), 10);
        QSet<QString> mainBlocks;
        for (const MemoryBlock &b : main.blocks)
            mainBlocks.insert(b.id);
        int shared = 0;
        for (const MemoryBlock &b : sleeptime.blocks)
            shared += mainBlocks.contains(b.id) ? 1 : 0;
        QCOMPARE(shared, 7);
        QCOMPARE(sleeptime.model, u"anthropic/claude-sonnet-4-5-20250929"_s);
        QCOMPARE(main.tags, QStringList{u"origin:letta-code"_s});

        // Context order is kept: the summary at index 1 is newer than what follows it.
        const QList<Message> &messages = file.agents[1].messages;
        QCOMPARE(messages[1].kind, MessageKind::User);
        QVERIFY(messages[1].text.contains(u"system_alert"_s));
        QVERIFY(*messages[1].dateMs > *messages[2].dateMs);
        QCOMPARE(file.agents[1].inContextMessageIds.size(), 188);
    }

    void testAgentApprovals()
    {
        const AgentFile file = load(u"test_agent.af"_s);
        const AgentFileAgent &entry = file.agents[0];
        QCOMPARE(file.version, u"b1c2d3e4f5a6"_s);
        QCOMPARE(entry.agent.tools.size(), 16);
        QCOMPARE(entry.agent.blocks.size(), 4);

        QList<int> parallel;
        QSet<QString> answered;
        int denied = 0;
        for (const Message &m : entry.messages) {
            if (m.kind == MessageKind::ApprovalRequest)
                parallel.append(int(m.toolCalls.size()));
            if (m.kind == MessageKind::ToolReturn) {
                for (const ToolReturn &r : m.toolReturns)
                    answered.insert(r.toolCallId);
            }
            if (m.kind == MessageKind::ApprovalResponse && m.approved == false) {
                ++denied;
                QCOMPARE(m.approvalReason, u"just stop "_s);
            }
        }
        QCOMPARE(parallel, (QList<int>{4, 2, 1, 1, 3}));
        QCOMPARE(denied, 1);
        QCOMPARE(countKind(entry.messages, MessageKind::ApprovalResponse), 4);
        // The file ends on three parallel Bash calls waiting for approval.
        int pending = 0;
        for (const ToolCall &call : entry.messages.last().toolCalls)
            pending += answered.contains(call.id) ? 0 : 1;
        QCOMPARE(pending, 3);
        const auto denial = std::find_if(entry.messages.begin(), entry.messages.end(), [](const Message &m) {
            return m.kind == MessageKind::ToolReturn && m.isError;
        });
        QVERIFY(denial != entry.messages.end());
        QVERIFY(denial->text.contains(u"request to call tool denied"_s));
    }

    void memgptLegacyFile()
    {
        const AgentFile file = load(u"memgpt_agent_with_convo.af"_s);
        const AgentFileAgent &entry = file.agents[0];
        QCOMPARE(file.version, u"0.6.47"_s);
        QCOMPARE(entry.agent.id, u"agent-0"_s);
        QCOMPARE(entry.agent.agentType, u"memgpt_agent"_s);
        QCOMPARE(entry.agent.model, u"openai/gpt-4-june"_s);
        QVERIFY(!entry.agent.blocks.isEmpty());
        QVERIFY(!entry.agent.tools.isEmpty());
        QStringList expected{u"message-89"_s, u"message-81"_s, u"message-80"_s};
        for (int i = 82; i <= 88; ++i)
            expected.append(u"message-%1"_s.arg(i));
        expected.append(u"message-90"_s);
        QCOMPARE(entry.inContextMessageIds, expected);
        // MemGPT agents speak through send_message; their plain text is inner monologue.
        QCOMPARE(countKind(entry.messages, MessageKind::Assistant), 0);
        // Naive timestamps are UTC: 2025-04-01T03:47:27.492924.
        QCOMPARE(entry.messages.first().dateMs.value_or(0), 1743479247492LL);
    }

    void doubleEncodedFileReadsTheSame()
    {
        const QByteArray original = testsupport::readFixture(u"agent-files/test_agent.af"_s);
        const QByteArray encoded = QJsonDocument(QJsonArray{QString::fromUtf8(original)}).toJson(QJsonDocument::Compact);
        const auto file = parseAgentFile(encoded.mid(1, encoded.size() - 2)); // the bare JSON string
        QVERIFY(file.ok());
        QCOMPARE(callsOf(file->agents[0].messages), u"Bash=6,Glob=2,LS=1,Read=2"_s);
    }

    void unreadableFilesFailClearly_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addRow("not JSON") << "agent file? no"_ba << ErrorKind::BadPayload;
        QTest::addRow("cut in half") << testsupport::readFixture(u"agent-files/test_agent.af"_s).left(100000) << ErrorKind::BadPayload;
        QTest::addRow("empty") << QByteArray() << ErrorKind::BadPayload;
        QTest::addRow("other JSON") << "{\"hello\": \"world\"}"_ba << ErrorKind::Unsupported;
        QTest::addRow("array") << "[1, 2]"_ba << ErrorKind::Unsupported;
    }
    void unreadableFilesFailClearly()
    {
        QFETCH(QByteArray, contents);
        QFETCH(ErrorKind, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"broken.af"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();
        const auto parsed = readAgentFile(path);
        QCOMPARE(parsed.error().kind, kind);
        QVERIFY(parsed.error().message.startsWith(u"broken.af: "_s));
    }

    void missingFileIsIo()
    {
        const auto parsed = readAgentFile(u"/nonexistent/agent.af"_s);
        QCOMPARE(parsed.error().kind, ErrorKind::Io);
        QVERIFY(parsed.error().message.contains(u"agent.af"_s));
    }
};

QTEST_GUILESS_MAIN(TestAgentFile)
#include "tst_agentfile.moc"
