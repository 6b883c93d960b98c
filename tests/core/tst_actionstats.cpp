// SPDX-License-Identifier: MIT
// Per-action success rates of a trajectory's decisions: calls without a return are not failures.
#include "trajectories/actionstats.h"

#include <QTest>

Q_DECLARE_METATYPE(lettascope::trajectories::Decision)

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace {

Decision decision(const QString &action, std::optional<bool> success)
{
    Decision d;
    d.action = action;
    d.success = success;
    return d;
}

// "action calls/succeeded/failed rate" per entry, rate "-" when no call returned.
QStringList dump(const QList<ActionStats> &stats)
{
    QStringList out;
    for (const ActionStats &s : stats) {
        const auto rate = s.successRate();
        out << u"%1 %2/%3/%4 %5"_s.arg(s.action).arg(s.calls).arg(s.succeeded).arg(s.failed)
                   .arg(rate ? QString::number(*rate, 'f', 2) : u"-"_s);
    }
    return out;
}

} // namespace

class TestActionStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stats_data()
    {
        QTest::addColumn<QList<Decision>>("decisions");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("none") << QList<Decision>{} << QStringList{};
        QTest::addRow("all succeeded") << QList<Decision>{decision(u"web_search"_s, true), decision(u"web_search"_s, true)}
                                       << QStringList{u"web_search 2/2/0 1.00"_s};
        QTest::addRow("all failed is 0.00, not missing")
            << QList<Decision>{decision(u"run_code"_s, false)} << QStringList{u"run_code 1/0/1 0.00"_s};
        QTest::addRow("no return is no rate") << QList<Decision>{decision(u"send_email"_s, std::nullopt)}
                                              << QStringList{u"send_email 1/0/0 -"_s};
        QTest::addRow("mixed, busiest first, ties by name")
            << QList<Decision>{decision(u"b_tool"_s, true), decision(u"fetch"_s, false), decision(u"a_tool"_s, true),
                               decision(u"fetch"_s, true), decision(u"fetch"_s, std::nullopt)}
            << QStringList{u"fetch 3/1/1 0.50"_s, u"a_tool 1/1/0 1.00"_s, u"b_tool 1/1/0 1.00"_s};
    }

    void stats()
    {
        QFETCH(QList<Decision>, decisions);
        QFETCH(QStringList, expected);
        QCOMPARE(dump(actionStats(decisions)), expected);
    }
};

QTEST_GUILESS_MAIN(TestActionStats)
#include "tst_actionstats.moc"
