// SPDX-License-Identifier: MIT
// run_facts.facts: what a run's messages and steps contribute, encoded by the writer and decoded by every
// cold Analytics load. Decoding gives back exactly what was encoded, and bytes that are not a whole
// encoding are refused (the loader then derives the run from its messages and steps).
#include "analytics/factcodec.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::analytics;

Q_DECLARE_METATYPE(lettascope::analytics::RunFacts)

namespace {

bool sameCallFacts(const RunFacts &a, const RunFacts &b)
{
    auto sameCalls = [](const ToolCallFact &x, const ToolCallFact &y) {
        return x.tool == y.tool && x.tool.isNull() == y.tool.isNull() && x.error == y.error
            && x.errorSignature == y.errorSignature && x.executionNs == y.executionNs;
    };
    auto sameTokens = [](const ModelTokens &x, const ModelTokens &y) {
        return x.model == y.model && x.model.isNull() == y.model.isNull() && x.prompt == y.prompt
            && x.completion == y.completion && x.cached == y.cached && x.reasoning == y.reasoning;
    };
    return std::equal(a.toolCalls.begin(), a.toolCalls.end(), b.toolCalls.begin(), b.toolCalls.end(), sameCalls)
        && std::equal(a.modelTokens.begin(), a.modelTokens.end(), b.modelTokens.begin(), b.modelTokens.end(),
                      sameTokens);
}

RunFacts typicalRun()
{
    RunFacts f;
    f.toolCalls = {ToolCallFact{u"web_search"_s, false, {}, 1'250'000},
                   ToolCallFact{u"run_code"_s, true, u"Timeout after <n>s in <path>"_s, std::nullopt},
                   ToolCallFact{u"send_message"_s, false, {}, std::nullopt}};
    f.modelTokens = {ModelTokens{u"openai/gpt-4o"_s, 1200, 80, 1024, std::nullopt},
                     ModelTokens{u"anthropic/claude"_s, 10, std::nullopt, std::nullopt, 0}};
    return f;
}

} // namespace

class TestFactCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<RunFacts>("facts");
        QTest::addRow("no calls, no steps") << RunFacts{};
        QTest::addRow("calls, errors, times, partial tokens") << typicalRun();
        RunFacts texts;
        texts.toolCalls = {ToolCallFact{QString(), true, QString(), std::nullopt},
                           ToolCallFact{u""_s, true, u""_s, 0},
                           ToolCallFact{u"outil_été \u2603 \U0001F600"_s, true, u"a\nb\tc\x1f"_s, -5}};
        texts.modelTokens = {ModelTokens{QString(), std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                             ModelTokens{u""_s, 0, 0, 0, 0}};
        QTest::addRow("null, empty and non-ASCII texts, negative and zero values") << texts;
        RunFacts extremes;
        extremes.toolCalls = {ToolCallFact{u"t"_s.repeated(300), false, {}, std::numeric_limits<qint64>::max()},
                              ToolCallFact{u"t"_s, false, {}, std::numeric_limits<qint64>::min()}};
        extremes.modelTokens = {ModelTokens{u"m"_s, std::numeric_limits<qint64>::max(), -1, 127, 128}};
        QTest::addRow("long names, 64-bit limits, varint boundaries") << extremes;
        RunFacts many;
        for (int i = 0; i < 500; ++i) {
            const bool failed = i % 3 == 0; // a signature only comes with an error
            many.toolCalls << ToolCallFact{u"tool-%1"_s.arg(i % 7), failed, failed ? u"sig %1"_s.arg(i) : QString(), i * 1000};
        }
        QTest::addRow("500 calls") << many;
    }

    void roundTrip()
    {
        QFETCH(RunFacts, facts);
        TextPool pool;
        RunFacts decoded;
        QVERIFY(decodeCallFacts(encodeCallFacts(facts), pool, decoded));
        QVERIFY(sameCallFacts(decoded, facts));
    }

    void damagedBytesAreRefused_data()
    {
        const QByteArray good = encodeCallFacts(typicalRun());
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("another version") << QByteArray(1, char(2)) + good.mid(1);
        for (qsizetype cut : {qsizetype(1), qsizetype(2), good.size() / 2, good.size() - 1})
            QTest::addRow("cut to %lld bytes", qlonglong(cut)) << good.left(cut);
        QTest::addRow("trailing bytes") << good + '\0';
        QTest::addRow("a count larger than the bytes") << QByteArray("\x01\xff\xff\xff\x7f", 5);
        QTest::addRow("a text longer than the bytes") << QByteArray("\x01\x01\x7f", 3);
        QTest::addRow("a varint that never ends") << QByteArray("\x01", 1) + QByteArray(12, char(0xff));
    }

    void damagedBytesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        TextPool pool;
        RunFacts facts = typicalRun();
        QVERIFY(!decodeCallFacts(bytes, pool, facts));
        QVERIFY(sameCallFacts(facts, typicalRun())); // untouched
    }
};

QTEST_GUILESS_MAIN(TestFactCodec)
#include "tst_factcodec.moc"
