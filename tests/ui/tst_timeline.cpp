// SPDX-License-Identifier: MIT
// How run detail reads: message summaries for every kind (and unknown ones), pretty JSON, the huge-message
// cut-off, waterfall geometry and the stuck-run marker.
#include "ui/common/format.h"
#include "ui/runs/runrows.h"
#include "ui/runs/timelinetext.h"
#include "ui/runs/waterfall.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;

class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summary_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("assistant") << u"assistant_message"_s << u"Hello\nthere"_s << u"Hello there"_s;
        QTest::addRow("reasoning") << u"reasoning_message"_s << u"thinking"_s << u"thinking"_s;
        QTest::addRow("hidden reasoning") << u"hidden_reasoning_message"_s << QString() << u"(reasoning hidden by the provider)"_s;
        QTest::addRow("unknown type kept") << u"telepathy_message"_s << u"hm"_s << u"[telepathy_message] hm"_s;
        QTest::addRow("markup is text") << u"user_message"_s << u"<img src=\"http://x/y.png\">"_s << u"<img src=\"http://x/y.png\">"_s;
        QTest::addRow("long line cut") << u"user_message"_s << QString(200, u'x') << QString(160, u'x') + u'…';
    }

    void summary()
    {
        QFETCH(QString, type);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        Message m;
        m.messageType = type;
        m.kind = messageKindFromType(type);
        m.text = text;
        QCOMPARE(ui::runs::messageSummary(m), expected);
    }

    void toolCallArgumentsArePretty()
    {
        Message m;
        m.kind = MessageKind::ToolCall;
        m.toolCalls = {ToolCall{u"c1"_s, u"web_search"_s, u"{\"query\":\"letta\",\"n\":3}"_s}};
        QCOMPARE(ui::runs::messageSummary(m), u"web_search({\"query\":\"letta\",\"n\":3})"_s);
        const QString full = ui::runs::messageFullText(m);
        QVERIFY(full.contains(u"\"query\": \"letta\""_s));
        QCOMPARE(ui::runs::prettyJson(u"{not json"_s), u"{not json"_s);
    }

    void toolReturnShowsStatus()
    {
        Message m;
        m.kind = MessageKind::ToolReturn;
        m.toolReturns = {ToolReturn{u"c1"_s, u"error"_s, u"boom"_s, {}, {u"trace"_s}}};
        QCOMPARE(ui::runs::messageSummary(m), u"[error] boom"_s);
        QVERIFY(ui::runs::messageFullText(m).contains(u"status: error"_s));
        QVERIFY(ui::runs::messageFullText(m).contains(u"--- stderr\ntrace"_s));
    }

    void waterfallLayout()
    {
        Step a, b, none;
        a.metrics = StepMetrics{1'000'000'000, 1'100'000'000, 500'000'000, 200'000'000, 1'000'000'000, {}};
        b.metrics = StepMetrics{2'000'000'000, 2'000'000'000, 1'000'000'000, {}, 1'000'000'000, {}};
        const auto layout = ui::runs::layoutWaterfall({a, none, b});
        QCOMPARE(layout.spanNs, qint64(2'000'000'000));
        QCOMPARE(layout.bars.size(), 2);
        QCOMPARE(layout.bars.at(0).step, 1);
        QCOMPARE(layout.bars.at(0).start, 0.0);
        QCOMPARE(layout.bars.at(0).end, 0.5);
        QCOMPARE(layout.bars.at(0).llmStart, 0.05);
        QCOMPARE(layout.bars.at(0).llmEnd, 0.3);
        QCOMPARE(layout.bars.at(1).step, 3);
        QCOMPARE(layout.bars.at(1).end, 1.0);
        QVERIFY(ui::runs::layoutWaterfall({none}).bars.isEmpty());
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::addRow("ms") << qint64(850) << u"850 ms"_s;
        QTest::addRow("s") << qint64(12'400) << u"12.4 s"_s;
        QTest::addRow("min") << qint64(185'000) << u"3 min 05 s"_s;
        QTest::addRow("h") << qint64(7'440'000) << u"2 h 04 min"_s;
        QTest::addRow("d") << qint64(277'200'000) << u"3 d 5 h"_s;
    }

    void durations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(ui::format::durationMs(ms), expected);
        QCOMPARE(ui::format::durationMs(std::nullopt), u"—"_s);
    }

    void stuckMarker_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("idleMs");
        QTest::addColumn<int>("marker");
        QTest::addRow("running, recent") << int(RunStatus::Running) << qint64(60'000) << int(ui::TableRow::Marker::Running);
        QTest::addRow("running, idle") << int(RunStatus::Running) << qint64(20 * 60'000) << int(ui::TableRow::Marker::Stuck);
        QTest::addRow("completed, idle") << int(RunStatus::Completed) << qint64(20 * 60'000) << int(ui::TableRow::Marker::None);
        QTest::addRow("failed") << int(RunStatus::Failed) << qint64(0) << int(ui::TableRow::Marker::Failed);
    }

    void stuckMarker()
    {
        QFETCH(int, status);
        QFETCH(qint64, idleMs);
        QFETCH(int, marker);
        const qint64 now = 10'000'000'000;
        store::RunSummary run;
        run.run.id = u"run-1"_s;
        run.run.status = RunStatus(status);
        run.run.createdMs = now - idleMs;
        run.lastActivityMs = now - idleMs;
        const ui::TableRow row = ui::runs::runRow(run, now, 10 * 60'000);
        QCOMPARE(int(row.marker), marker);
        QCOMPARE(row.cells.size(), int(ui::runs::ColumnCount));
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
