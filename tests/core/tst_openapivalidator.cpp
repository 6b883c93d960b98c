// SPDX-License-Identifier: MIT
#include "openapivalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::OpenApiValidator;

namespace {

QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray("[") + json + "]").array().first();
}

// A compact document exercising every keyword the validator supports.
const char *kDocument = R"({
  "openapi": "3.1.0",
  "paths": {"/things/": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
      {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}}}}},
  "components": {"schemas": {
    "Thing": {"type": "object", "required": ["id", "kind"], "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "pattern": "^thing-[a-f0-9]{8}"},
        "kind": {"$ref": "#/components/schemas/Kind"},
        "size": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 10}, {"type": "null"}]},
        "when": {"type": "string", "format": "date-time"},
        "tags": {"type": ["array", "null"], "items": {"type": "string", "maxLength": 5}},
        "extra": {"type": "object", "additionalProperties": {"type": "boolean"}},
        "legacy": {"type": "string", "nullable": true},
        "shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}],
                  "discriminator": {"propertyName": "type",
                                    "mapping": {"circle": "#/components/schemas/Circle",
                                                "square": "#/components/schemas/Square"}}},
        "either": {"oneOf": [{"type": "string"}, {"type": "string", "minLength": 1}]},
        "both": {"allOf": [{"type": "object", "required": ["a"]}, {"type": "object", "required": ["b"]}]}}},
    "Kind": {"type": "string", "enum": ["small", "large"]},
    "Circle": {"type": "object", "required": ["type", "radius"],
               "properties": {"type": {"const": "circle"}, "radius": {"type": "number"}}},
    "Square": {"type": "object", "required": ["type", "side"],
               "properties": {"type": {"const": "square"}, "side": {"type": "number"}}}}}})";

} // namespace

class TestOpenApiValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expectedError"); // substring of the first error; empty = valid

        QTest::addRow("minimal") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small"})") << QString();
        QTest::addRow("everything") << QByteArray(R"({"id": "thing-0123abcd-x", "kind": "large", "size": 3,
            "when": "2025-10-03T19:35:01.123456", "tags": ["a", "bc"], "extra": {"x": true}, "legacy": null,
            "shape": {"type": "circle", "radius": 1.5}, "both": {"a": 1, "b": 2}})") << QString();
        QTest::addRow("null in a type array") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "tags": null})") << QString();
        QTest::addRow("extra field tolerated") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "organization_id": "x"})") << QString();

        QTest::addRow("missing required") << QByteArray(R"({"id": "thing-0123abcd"})") << u"missing required property \"kind\""_s;
        QTest::addRow("wrong type") << QByteArray(R"({"id": 7, "kind": "small"})") << u"/id: expected string"_s;
        QTest::addRow("not an object") << QByteArray(R"([1, 2])") << u": expected object"_s;
        QTest::addRow("enum") << QByteArray(R"({"id": "thing-0123abcd", "kind": "medium"})") << u"/kind: \"medium\" is not one of the enum values"_s;
        QTest::addRow("pattern") << QByteArray(R"({"id": "thing-XYZ", "kind": "small"})") << u"/id: \"thing-XYZ\" does not match"_s;
        QTest::addRow("integer") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "size": 2.5})") << u"/size: matches none of the anyOf"_s;
        QTest::addRow("maximum") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "size": 11})") << u"above the maximum"_s;
        QTest::addRow("null not allowed") << QByteArray(R"({"id": null, "kind": "small"})") << u"/id: expected string, got null"_s;
        QTest::addRow("date-time") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "when": "yesterday"})") << u"is not a date-time"_s;
        QTest::addRow("array item") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "tags": ["ok", "toolong"]})") << u"/tags/1: string longer than maxLength"_s;
        QTest::addRow("additionalProperties schema") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "extra": {"x": 1}})") << u"/extra/x: expected boolean"_s;
        QTest::addRow("discriminator value") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "shape": {"type": "hexagon"}})") << u"matches no mapping"_s;
        QTest::addRow("discriminated branch") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "shape": {"type": "square", "radius": 2}})") << u"/shape: missing required property \"side\""_s;
        QTest::addRow("oneOf ambiguous") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "either": "x"})") << u"matches 2 oneOf branches"_s;
        QTest::addRow("allOf") << QByteArray(R"({"id": "thing-0123abcd", "kind": "small", "both": {"a": 1}})") << u"/both: missing required property \"b\""_s;
    }
    void thing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expectedError);
        const OpenApiValidator validator(QJsonDocument::fromJson(kDocument).object());
        const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().first();
        const QStringList errors = validator.validateComponent(value, u"Thing"_s);
        if (expectedError.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        } else {
            QVERIFY2(!errors.isEmpty(), "a broken document passed validation");
            QVERIFY2(errors.first().contains(expectedError), qPrintable(errors.join(u'\n')));
        }
    }

    void strictAdditionalProperties()
    {
        const OpenApiValidator strict(QJsonDocument::fromJson(kDocument).object(), {true, true});
        const QStringList errors = strict.validateComponent(parse(R"({"id": "thing-0123abcd", "kind": "small", "x": 1})"), u"Thing"_s);
        QCOMPARE(errors, QStringList{u"/x: property not allowed by the schema"_s});
    }

    void responses()
    {
        const OpenApiValidator validator(QJsonDocument::fromJson(kDocument).object());
        QVERIFY(validator.validateResponse(u"/things/"_s, u"GET"_s, 200, R"([{"id": "thing-0123abcd", "kind": "small"}])").isEmpty());
        QVERIFY(!validator.validateResponse(u"/things/"_s, u"GET"_s, 200, R"({"id": "thing-0123abcd"})").isEmpty());
        QVERIFY(!validator.validateResponse(u"/things/"_s, u"GET"_s, 200, "[{\"id\": ").isEmpty());
        QVERIFY(!validator.validateResponse(u"/things/"_s, u"GET"_s, 404, "{}").isEmpty());
        QVERIFY(!validator.validateResponse(u"/nothing/"_s, u"GET"_s, 200, "[]").isEmpty());
    }

    // The real spec: shapes that must fail, so the schema test cannot pass vacuously.
    void realSpecRejectsBrokenShapes_data()
    {
        QTest::addColumn<QString>("component");
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("run without agent_id") << u"Run"_s << QByteArray(R"({"id": "run-0123abcd", "status": "completed", "created_at": "2025-01-01T00:00:00Z"})");
        QTest::addRow("run status") << u"Run"_s << QByteArray(R"({"id": "run-0123abcd", "agent_id": "agent-1", "status": "done", "created_at": "2025-01-01T00:00:00Z"})");
        QTest::addRow("run id prefix") << u"Run"_s << QByteArray(R"({"id": "step-0123abcd", "agent_id": "agent-1", "created_at": "2025-01-01T00:00:00Z"})");
        QTest::addRow("step tokens as text") << u"Step"_s << QByteArray(R"({"id": "step-1", "prompt_tokens": "12"})");
        QTest::addRow("unknown message type") << u"LettaMessageUnion"_s << QByteArray(R"({"id": "message-1", "date": "2025-01-01T00:00:00+00:00", "message_type": "hologram_message"})");
        QTest::addRow("tool call without arguments") << u"LettaMessageUnion"_s << QByteArray(R"({"id": "message-1", "date": "2025-01-01T00:00:00+00:00", "message_type": "tool_call_message", "tool_call": {"name": "x", "tool_call_id": "c"}, "tool_calls": [{"name": "x", "tool_call_id": "c"}]})");
        QTest::addRow("tool return status") << u"LettaMessageUnion"_s << QByteArray(R"({"id": "message-1", "date": "2025-01-01T00:00:00+00:00", "message_type": "tool_return_message", "tool_return": "x", "status": "ok", "tool_call_id": "c"})");
        QTest::addRow("agent without llm_config") << u"AgentState"_s << QByteArray(R"({"id": "agent-1", "name": "a", "system": "s", "agent_type": "letta_v1_agent", "memory": {"blocks": []}, "blocks": [], "tools": [], "sources": [], "tags": []})");
    }
    void realSpecRejectsBrokenShapes()
    {
        QFETCH(QString, component);
        QFETCH(QByteArray, json);
        const auto validator = OpenApiValidator::fromFixture(u"letta-openapi/letta-openapi.json"_s);
        const QStringList errors = validator.validateComponent(QJsonDocument::fromJson("[" + json + "]").array().first(), component);
        QVERIFY2(!errors.isEmpty(), "a broken document passed validation");
    }
};

QTEST_GUILESS_MAIN(TestOpenApiValidator)
#include "tst_openapivalidator.moc"
