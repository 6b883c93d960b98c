// SPDX-License-Identifier: MIT
#include "common/timestamps.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;

class TestTimestamps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("epochMs");
        // 2025-10-03T19:34:56Z == 1759520096000 ms
        QTest::addRow("Z with micros") << u"2025-10-03T19:34:56.123456Z"_s << true << 1759520096123LL;
        QTest::addRow("explicit +00:00") << u"2025-10-03T19:34:56+00:00"_s << true << 1759520096000LL;
        QTest::addRow("naive means UTC") << u"2025-10-03T19:34:56.5"_s << true << 1759520096500LL;
        QTest::addRow("negative offset") << u"2025-10-03T11:34:56-08:00"_s << true << 1759520096000LL;
        QTest::addRow("nanoseconds") << u"2025-10-03T19:34:56.123456789Z"_s << true << 1759520096123LL;
        QTest::addRow("space separator") << u"2025-10-03 19:34:56"_s << true << 1759520096000LL;
        QTest::addRow("date only") << u"2025-10-03"_s << true << 1759449600000LL;
        QTest::addRow("compact offset") << u"2025-10-03T21:34:56+0200"_s << true << 1759520096000LL;
        QTest::addRow("empty") << QString() << false << 0LL;
        QTest::addRow("garbage") << u"yesterday"_s << false << 0LL;
        QTest::addRow("bad month") << u"2025-13-03T19:34:56Z"_s << false << 0LL;
        QTest::addRow("trailing junk") << u"2025-10-03T19:34:56Zjunk"_s << false << 0LL;
        QTest::addRow("dot without digits") << u"2025-10-03T19:34:56.Z"_s << false << 0LL;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, epochMs);
        const auto parsed = parseTimestampMs(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, epochMs);
    }
    void formatRoundTrip()
    {
        const qint64 ms = 1759520096123LL;
        const QString text = formatTimestampMs(ms);
        QCOMPARE(text, u"2025-10-03T19:34:56.123Z"_s);
        QCOMPARE(parseTimestampMs(text).value_or(-1), ms);
    }
};

QTEST_GUILESS_MAIN(TestTimestamps)
#include "tst_timestamps.moc"
