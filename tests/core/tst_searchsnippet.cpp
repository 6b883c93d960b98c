// SPDX-License-Identifier: MIT
#include "store/queries/searchqueries.h"
#include "store/queries/searchsnippet.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::store;

class TestSearchSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snippet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");

        QTest::newRow("no match") << u"nothing here"_s << u"error"_s << QString();
        QTest::newRow("whole short text") << u"The tool failed with an error."_s << u"error"_s
                                          << u"The tool failed with an [error]."_s;
        QTest::newRow("case-insensitive, prefix") << u"Errors and ERROR codes"_s << u"err"_s
                                                  << u"[Errors] and [ERROR] codes"_s;
        QTest::newRow("word start only") << u"terror then error"_s << u"error"_s << u"terror then [error]"_s;
        QTest::newRow("several words") << u"lazy dogs sleep"_s << u"dog lazy"_s << u"[lazy] [dogs] sleep"_s;
        QTest::newRow("newlines folded") << u"line one\n\nerror here"_s << u"error"_s << u"line one [error] here"_s;
        QTest::newRow("regex characters are literal") << u"see a.b(c) and a.b"_s << u"a.b"_s
                                                      << u"see [a.b](c) and [a.b]"_s;
        const QString padding = u"word "_s.repeated(100);
        QTest::newRow("cut both sides") << padding + u"needle "_s + padding << u"needle"_s
                                        << u"…"_s + u"word "_s.repeated(11) + u"[needle]"_s
                                               + u" word"_s.repeated(24) + u"…"_s;
    }

    void snippet()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QCOMPARE(searchSnippet(text, searchWords(query)), expected);
    }

    void ftsQueryQuotesEveryWord_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << u"  ,; "_s << QString();
        QTest::newRow("one word is a prefix") << u"err"_s << u"\"err\"*"_s;
        QTest::newRow("operators are words") << u"tool OR NOT x"_s << u"\"tool\" \"OR\" \"NOT\" \"x\"*"_s;
        QTest::newRow("paths kept whole") << u"send_message /v1/runs"_s << u"\"send_message\" \"v1/runs\"*"_s;
    }

    void ftsQueryQuotesEveryWord()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(ftsQueryFor(text), expected);
    }

    void hugeTextWithManyMatchesStaysLinear()
    {
        // 10 MB where every sentence matches: FTS5's snippet() needed minutes for this.
        const QString text = u"The quick brown fox jumps over the lazy dog. "_s.repeated(233'000);
        const QString snippet = searchSnippet(text, searchWords(u"lazy dog"_s));
        QVERIFY(snippet.startsWith(u"The quick brown fox jumps over the [lazy] [dog]."_s));
        QVERIFY(snippet.endsWith(u'…'));
        QVERIFY(snippet.size() < 400);
    }
};

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
