// SPDX-License-Identifier: MIT
// Every LettaMessage type of both API generations, role-based items, and hostile input.
// moc does not understand raw strings: it counts their braces, takes \" as an escape and // as a
// comment, so JSON text inside them writes a nested quote as \u0022, an unbalanced brace as \u007b
// and "//" as "\/\/".
#include "letta/parsers.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::letta;

Q_DECLARE_METATYPE(lettascope::MessageKind)

namespace {
QJsonValue parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QStringList statusesOf(const Message &m)
{
    QStringList statuses;
    for (const ToolReturn &r : m.toolReturns)
        statuses.append(r.status);
    return statuses;
}
} // namespace

class TestParseMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyType_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<MessageKind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("calls");
        QTest::addColumn<QStringList>("returnStatuses");
        QTest::addColumn<int>("approved"); // -1 not an approval, 0 denied, 1 approved
        QTest::addColumn<bool>("isError");
        const QStringList none;

        QTest::addRow("system") << R"({"id":"message-1","message_type":"system_message","content":"You are Letta."})"_ba
                                << MessageKind::System << u"You are Letta."_s << 0 << none << -1 << false;
        QTest::addRow("user string") << R"({"id":"message-1","message_type":"user_message","content":"roll a die"})"_ba
                                     << MessageKind::User << u"roll a die"_s << 0 << none << -1 << false;
        QTest::addRow("user parts with image")
            << R"({"id":"m","message_type":"user_message","content":[{"type":"text","text":"look"},{"type":"image","source":{"type":"url","url":"http:\/\/x/y.png"}}]})"_ba
            << MessageKind::User << u"look\n[image: http://x/y.png]"_s << 0 << none << -1 << false;
        QTest::addRow("assistant parts")
            << R"({"id":"m","message_type":"assistant_message","content":[{"type":"text","text":"You rolled"},{"type":"text","text":"a 4."}]})"_ba
            << MessageKind::Assistant << u"You rolled\na 4."_s << 0 << none << -1 << false;
        QTest::addRow("assistant reasoning part")
            << R"({"id":"m","message_type":"assistant_message","content":[{"type":"reasoning","reasoning":"hmm"},{"type":"text","text":"ok"}]})"_ba
            << MessageKind::Assistant << u"hmm\nok"_s << 0 << none << -1 << false;
        QTest::addRow("reasoning") << R"({"id":"m","message_type":"reasoning_message","reasoning":"think","source":"reasoner_model"})"_ba
                                   << MessageKind::Reasoning << u"think"_s << 0 << none << -1 << false;
        QTest::addRow("0.x internal_monologue") << R"({"id":"m","message_type":"internal_monologue","internal_monologue":"inner"})"_ba
                                                << MessageKind::Reasoning << u"inner"_s << 0 << none << -1 << false;
        QTest::addRow("hidden reasoning") << R"({"id":"m","message_type":"hidden_reasoning_message","state":"redacted","hidden_reasoning":null})"_ba
                                          << MessageKind::HiddenReasoning << u"[redacted reasoning]"_s << 0 << none << -1 << false;
        QTest::addRow("tool call, deprecated single field")
            << R"({"id":"m","message_type":"tool_call_message","tool_call":{"name":"roll_dice","arguments":"{}","tool_call_id":"call_1"}})"_ba
            << MessageKind::ToolCall << QString() << 1 << none << -1 << false;
        QTest::addRow("tool call, both fields, parallel")
            << R"({"id":"m","message_type":"tool_call_message","tool_call":{"name":"a","arguments":"{}","tool_call_id":"c1"},"tool_calls":[{"name":"a","arguments":"{}","tool_call_id":"c1"},{"name":"b","arguments":"{\u0022x\u0022:1}","tool_call_id":"c2"}]})"_ba
            << MessageKind::ToolCall << QString() << 2 << none << -1 << false;
        QTest::addRow("tool call delta object")
            << R"({"id":"m","message_type":"tool_call_message","tool_call":{"name":"a"},"tool_calls":{"name":"a","arguments":"\u007b\u0022q"}})"_ba
            << MessageKind::ToolCall << QString() << 1 << none << -1 << false;
        QTest::addRow("0.x function_call")
            << R"({"id":"m","message_type":"function_call","function_call":{"name":"send_message","arguments":"{}","function_call_id":"f1"}})"_ba
            << MessageKind::ToolCall << QString() << 1 << none << -1 << false;
        QTest::addRow("tool return, top-level only")
            << R"({"id":"m","message_type":"tool_return_message","tool_return":"4","status":"success","tool_call_id":"call_1"})"_ba
            << MessageKind::ToolReturn << u"4"_s << 0 << QStringList{u"success"_s} << -1 << false;
        QTest::addRow("tool returns, parallel with an error")
            << R"({"id":"m","message_type":"tool_return_message","tool_return":"ok","status":"success","tool_call_id":"c1","tool_returns":[{"type":"tool","tool_return":"ok","status":"success","tool_call_id":"c1"},{"type":"tool","tool_return":[{"type":"text","text":"boom"}],"status":"error","tool_call_id":"c2","stderr":["Traceback"]}]})"_ba
            << MessageKind::ToolReturn << u"ok\nboom"_s << 0 << QStringList{u"success"_s, u"error"_s} << -1 << true;
        QTest::addRow("0.x function_return")
            << R"({"id":"m","message_type":"function_return","function_return":"None","status":"error","function_call_id":"f1"})"_ba
            << MessageKind::ToolReturn << u"None"_s << 0 << QStringList{u"error"_s} << -1 << true;
        QTest::addRow("approval request")
            << R"({"id":"m","message_type":"approval_request_message","tool_call":{"name":"Bash","arguments":"{}","tool_call_id":"t1"},"tool_calls":[{"name":"Bash","arguments":"{}","tool_call_id":"t1"}]})"_ba
            << MessageKind::ApprovalRequest << QString() << 1 << none << -1 << false;
        QTest::addRow("approval response, one denied")
            << R"({"id":"m","message_type":"approval_response_message","approvals":[{"type":"approval","tool_call_id":"t1","approve":true},{"type":"approval","tool_call_id":"t2","approve":false,"reason":"just stop"}]})"_ba
            << MessageKind::ApprovalResponse << QString() << 0 << none << 0 << false;
        QTest::addRow("approval response, deprecated fields")
            << R"({"id":"m","message_type":"approval_response_message","approve":true,"approval_request_id":"message-9"})"_ba
            << MessageKind::ApprovalResponse << QString() << 0 << none << 1 << false;
        QTest::addRow("approval response, client ran the tool")
            << R"({"id":"m","message_type":"approval_response_message","approvals":[{"type":"tool","tool_call_id":"t1","tool_return":"done","status":"success"}]})"_ba
            << MessageKind::ApprovalResponse << QString() << 0 << QStringList{u"success"_s} << 1 << false;
        QTest::addRow("summary") << R"({"id":"m","message_type":"summary_message","summary":"we talked","compaction_stats":{"trigger":"auto"}})"_ba
                                 << MessageKind::Summary << u"we talked"_s << 0 << none << -1 << false;
        QTest::addRow("event") << R"({"id":"m","message_type":"event_message","event_type":"compaction","event_data":{"n":3}})"_ba
                               << MessageKind::Event << u"compaction: {\"n\":3}"_s << 0 << none << -1 << false;
        QTest::addRow("stream error") << R"({"id":"m","message_type":"error_message","error_type":"llm","message":"provider down"})"_ba
                                      << MessageKind::Error << u"provider down"_s << 0 << none << -1 << true;
        QTest::addRow("unknown type kept") << R"({"id":"m","message_type":"telepathy_message","content":"brr"})"_ba
                                           << MessageKind::Unknown << u"brr"_s << 0 << none << -1 << false;
        QTest::addRow("is_err flag") << R"({"id":"m","message_type":"assistant_message","content":"oops","is_err":true})"_ba
                                     << MessageKind::Assistant << u"oops"_s << 0 << none << -1 << true;
    }
    void everyType()
    {
        QFETCH(QByteArray, json);
        QFETCH(MessageKind, kind);
        QFETCH(QString, text);
        QFETCH(int, calls);
        QFETCH(QStringList, returnStatuses);
        QFETCH(int, approved);
        QFETCH(bool, isError);
        const auto parsed = parseLettaMessage(parse(json));
        QVERIFY(parsed.ok());
        const Message &m = parsed.value();
        QCOMPARE(m.kind, kind);
        QCOMPARE(m.text, text);
        QCOMPARE(m.toolCalls.size(), calls);
        QCOMPARE(statusesOf(m), returnStatuses);
        QCOMPARE(m.approved.has_value() ? int(*m.approved) : -1, approved);
        QCOMPARE(m.isError, isError);
        QCOMPARE(m.raw, parse(json).toObject());
    }

    void toolCallDetails()
    {
        const auto m = parseLettaMessage(parse(
            R"({"id":"m","message_type":"tool_call_message","tool_calls":[{"id":"call_9","type":"function","function":{"name":"search","arguments":{"q":"x"}}}]})"));
        QCOMPARE(m->toolCalls.value(0).id, u"call_9"_s);
        QCOMPARE(m->toolCalls.value(0).name, u"search"_s);
        QCOMPARE(m->toolCalls.value(0).arguments, u"{\"q\":\"x\"}"_s);
    }

    void approvalReasonAndReturnDetails()
    {
        const auto denied = parseLettaMessage(parse(
            R"({"id":"m","message_type":"approval_response_message","approvals":[{"type":"approval","tool_call_id":"t","approve":false,"reason":"just stop "}]})"));
        QCOMPARE(denied->approvalReason, u"just stop "_s);
        const auto returned = parseLettaMessage(parse(
            R"({"id":"m","message_type":"tool_return_message","tool_return":"x","status":"error","tool_call_id":"c","stdout":["a","b"],"stderr":null})"));
        QCOMPARE(returned->toolReturns.value(0).toolCallId, u"c"_s);
        QCOMPARE(returned->toolReturns.value(0).stdoutLines, (QStringList{u"a"_s, u"b"_s}));
        QVERIFY(returned->toolReturns.value(0).stderrLines.isEmpty());
    }

    void commonFields()
    {
        const auto m = parseLettaMessage(parse(
            R"({"id":"message-B","date":"2026-01-05T10:00:01+00:00","message_type":"reasoning_message","reasoning":"r","otid":"o-1","run_id":"run-1","step_id":"step-1","name":"n","sender_id":"s","seq_id":7})"));
        QCOMPARE(m->id, u"message-B"_s);
        QCOMPARE(m->messageType, u"reasoning_message"_s);
        QCOMPARE(m->otid, u"o-1"_s);
        QCOMPARE(m->runId, u"run-1"_s);
        QCOMPARE(m->stepId, u"step-1"_s);
        QCOMPARE(m->name, u"n"_s);
        QCOMPARE(m->senderId, u"s"_s);
        QCOMPARE(m->dateMs.value_or(0), 1767607201000LL);
    }

    void dateShapes_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addRow("offset") << u"2025-10-03T19:34:56+00:00"_s;
        QTest::addRow("Z with micros") << u"2025-10-03T19:34:56.000000Z"_s;
        QTest::addRow("naive means UTC") << u"2025-10-03T19:34:56"_s;
    }
    void dateShapes()
    {
        QFETCH(QString, date);
        QJsonObject o{{u"id"_s, u"m"_s}, {u"message_type"_s, u"user_message"_s}, {u"date"_s, date}};
        QCOMPARE(parseLettaMessage(o)->dateMs.value_or(0), 1759520096000LL);
    }

    void wrongTypesNeverFail()
    {
        const auto m = parseLettaMessage(parse(
            R"({"id":"m","message_type":"tool_call_message","date":12345,"tool_calls":"nope","tool_call":[1,2],"otid":null,"is_err":"yes"})"));
        QVERIFY(m.ok());
        QVERIFY(!m->dateMs.has_value());
        QVERIFY(m->toolCalls.isEmpty());
        QVERIFY(m->otid.isEmpty());
        QVERIFY(!m->isError);
        const auto numeric = parseLettaMessage(parse(R"({"id":42,"message_type":"user_message","content":7})"));
        QCOMPARE(numeric->id, u"42"_s);
        QCOMPARE(numeric->text, u"7"_s);
    }

    void rejectsWhatCannotBeKeyed()
    {
        QCOMPARE(parseLettaMessage(QJsonValue(3)).error().kind, ErrorKind::BadPayload);
        QCOMPARE(parseLettaMessage(parse(R"({"message_type":"user_message"})")).error().kind, ErrorKind::BadPayload);
        QVERIFY(!parseMessageItem(QJsonValue(u"text"_s)).ok());
    }

    void roleBasedItemExpands()
    {
        const auto entries = parseMessageItem(parse(
            R"({"id":"message-7","role":"assistant","created_at":"2025-10-03T19:34:56Z","step_id":"step-1","content":[{"type":"text","text":"\n\n"},{"type":"reasoning","reasoning":"plan"},{"type":"text","text":"Here you go"}],"tool_calls":[{"id":"c1","type":"function","function":{"name":"send","arguments":"{}"}}]})"));
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).kind, MessageKind::Reasoning);
        QCOMPARE(entries->at(0).text, u"plan"_s);
        QCOMPARE(entries->at(1).kind, MessageKind::Assistant);
        QCOMPARE(entries->at(1).text, u"Here you go"_s);
        QCOMPARE(entries->at(2).kind, MessageKind::ToolCall);
        for (const Message &m : entries.value()) {
            QCOMPARE(m.id, u"message-7"_s);
            QCOMPARE(m.stepId, u"step-1"_s);
            QCOMPARE(m.dateMs.value_or(0), 1759520096000LL);
        }
    }

    void hugeContentParses()
    {
        const QString huge(10 * 1024 * 1024, u'x');
        QJsonObject o{{u"id"_s, u"m"_s}, {u"message_type"_s, u"tool_return_message"_s}, {u"tool_return"_s, huge},
                      {u"status"_s, u"success"_s}};
        const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
        const auto m = parseLettaMessage(QJsonDocument::fromJson(text).object());
        QCOMPARE(m->text.size(), huge.size());
    }
};

QTEST_GUILESS_MAIN(TestParseMessage)
#include "tst_parsemessage.moc"
