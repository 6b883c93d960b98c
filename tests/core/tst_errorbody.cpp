// SPDX-License-Identifier: MIT
// Error bodies in every shape Letta sends (letta-api.md §4), flattened to one line of text.
#include "net/errorbody.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::net;

class TestErrorBody : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flattens_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("text");
        QTest::addRow("detail string") << R"({"detail":"Run not found with identifier run-1"})"_ba
                                       << u"Run not found with identifier run-1"_s;
        QTest::addRow("detail object with code") << R"({"detail":{"code":"PENDING_APPROVAL","message":"approve first","pending_request_id":"m-1"}})"_ba
                                                 << u"PENDING_APPROVAL: approve first"_s;
        QTest::addRow("detail object without message") << R"({"detail":{"reason":"locked"}})"_ba << u"{\"reason\":\"locked\"}"_s;
        QTest::addRow("pydantic list") << R"({"detail":[{"loc":["query","limit"],"msg":"must be <= 1000","type":"value_error"},{"loc":["path","run_id"],"msg":"bad id"}]})"_ba
                                       << u"query.limit: must be <= 1000; path.run_id: bad id"_s;
        QTest::addRow("422 repr string") << R"({"trace_id":"abc","detail":"[{'type': 'string_pattern_mismatch'}]","examples":["agent-1"]})"_ba
                                         << u"[{'type': 'string_pattern_mismatch'}]"_s;
        QTest::addRow("provider error") << R"({"error":{"type":"llm_rate_limit","message":"Rate limited by OpenAI","detail":"retry in 20s"}})"_ba
                                        << u"Rate limited by OpenAI — retry in 20s"_s;
        QTest::addRow("provider error, detail repeated") << R"({"error":{"type":"llm_error","message":"boom","detail":"boom"}})"_ba << u"boom"_s;
        QTest::addRow("error string") << R"({"error":"bad key"})"_ba << u"bad key"_s;
        QTest::addRow("bare message") << R"({"message":"nope"})"_ba << u"nope"_s;
        QTest::addRow("empty detail falls back") << R"({"detail":"","error":{"message":"from error"}})"_ba << u"from error"_s;
        QTest::addRow("top-level array") << R"(["a","b"])"_ba << u"a; b"_s;
        QTest::addRow("html page") << "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"_ba
                                   << u"502 Bad Gateway nginx"_s;
        QTest::addRow("plain text") << "  upstream timed out\n"_ba << u"upstream timed out"_s;
        QTest::addRow("empty") << QByteArray() << QString();
    }
    void flattens()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, text);
        QCOMPARE(flattenErrorBody(body), text);
    }

    void capsRunawayBodies()
    {
        const QString text = flattenErrorBody("{\"detail\":\"" + QByteArray(100000, 'x') + "\"}");
        QVERIFY(text.size() <= 2001);
        QVERIFY(text.endsWith(u'…'));
    }
};

QTEST_GUILESS_MAIN(TestErrorBody)
#include "tst_errorbody.moc"
