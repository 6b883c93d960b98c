// SPDX-License-Identifier: MIT
#include "model/entities.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;

class TestEntities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runStatus_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<RunStatus>("status");
        QTest::addColumn<bool>("terminal");
        QTest::addRow("created") << u"created"_s << RunStatus::Created << false;
        QTest::addRow("0.x pending") << u"pending"_s << RunStatus::Created << false;
        QTest::addRow("running") << u"running"_s << RunStatus::Running << false;
        QTest::addRow("completed") << u"completed"_s << RunStatus::Completed << true;
        QTest::addRow("failed") << u"failed"_s << RunStatus::Failed << true;
        QTest::addRow("0.x expired") << u"expired"_s << RunStatus::Failed << true;
        QTest::addRow("cancelled") << u"cancelled"_s << RunStatus::Cancelled << true;
        QTest::addRow("unknown") << u"paused"_s << RunStatus::Unknown << false;
    }
    void runStatus()
    {
        QFETCH(QString, text);
        QFETCH(RunStatus, status);
        QFETCH(bool, terminal);
        QCOMPARE(runStatusFromString(text), status);
        QCOMPARE(isTerminal(status), terminal);
    }
    void stopReasonImpliesStatus_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<RunStatus>("status");
        QTest::addRow("end_turn") << u"end_turn"_s << RunStatus::Completed;
        QTest::addRow("requires_approval") << u"requires_approval"_s << RunStatus::Completed;
        QTest::addRow("cancelled") << u"cancelled"_s << RunStatus::Cancelled;
        QTest::addRow("llm_api_error") << u"llm_api_error"_s << RunStatus::Failed;
        QTest::addRow("max_tokens_exceeded") << u"max_tokens_exceeded"_s << RunStatus::Failed;
        QTest::addRow("none") << QString() << RunStatus::Unknown;
    }
    void stopReasonImpliesStatus()
    {
        QFETCH(QString, reason);
        QFETCH(RunStatus, status);
        QCOMPARE(runStatusForStopReason(reason), status);
    }
    void messageKinds_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<MessageKind>("kind");
        QTest::addRow("current tool call") << u"tool_call_message"_s << MessageKind::ToolCall;
        QTest::addRow("0.6 function_call") << u"function_call"_s << MessageKind::ToolCall;
        QTest::addRow("0.6 internal_monologue") << u"internal_monologue"_s << MessageKind::Reasoning;
        QTest::addRow("approval") << u"approval_request_message"_s << MessageKind::ApprovalRequest;
        QTest::addRow("future type") << u"hologram_message"_s << MessageKind::Unknown;
    }
    void messageKinds()
    {
        QFETCH(QString, type);
        QFETCH(MessageKind, kind);
        QCOMPARE(messageKindFromType(type), kind);
    }
    void resourceKeysRoundTrip()
    {
        for (int i = 0; i < ResourceKindCount; ++i) {
            const auto kind = ResourceKind(i);
            QCOMPARE(resourceKindFromKey(resourceKindKey(kind)), std::optional<ResourceKind>(kind));
            QVERIFY(!resourceKindTitle(kind).isEmpty());
        }
        QVERIFY(!resourceKindFromKey(u"nope").has_value());
    }
};

QTEST_GUILESS_MAIN(TestEntities)
#include "tst_entities.moc"
