// SPDX-License-Identifier: MIT
// RecordModel: windows arrive by fetchMore, refreshes merge by key without a reset, selection survives.
#include "ui/common/recordmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using lettascope::ui::RecordModel;
using lettascope::ui::TableRow;

namespace {

QList<TableRow> rowsFor(const QString &spec)
{
    // "a b c*": keys; a trailing '*' marks a row whose cells changed.
    QList<TableRow> rows;
    for (QString key : spec.split(u' ', Qt::SkipEmptyParts)) {
        const bool changed = key.endsWith(u'*');
        if (changed)
            key.chop(1);
        rows << TableRow{key, {key, changed ? u"changed"_s : u"same"_s}, {}, TableRow::Marker::None, {}};
    }
    return rows;
}

QStringList dump(const RecordModel &model)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r)
        lines << model.index(r, 0).data().toString() + u'|' + model.index(r, 1).data().toString();
    return lines;
}

QStringList expected(const QString &spec)
{
    QStringList lines;
    for (const TableRow &row : rowsFor(spec))
        lines << row.key + u'|' + row.cells.at(1);
    return lines;
}

} // namespace

class TestRecordModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("selected");
        QTest::addRow("new rows on top") << u"c d e"_s << u"a b c d e"_s << u"d"_s;
        QTest::addRow("row removed") << u"a b c d"_s << u"a c d"_s << u"c"_s;
        QTest::addRow("cells changed") << u"a b c"_s << u"a b* c"_s << u"b"_s;
        QTest::addRow("reordered") << u"a b c d"_s << u"d a c b"_s << u"c"_s;
        QTest::addRow("mixed") << u"a b c d e"_s << u"x c* a y e"_s << u"e"_s;
        QTest::addRow("emptied") << u"a b"_s << u""_s << u""_s;
        QTest::addRow("from empty") << u""_s << u"a b"_s << u""_s;
        QTest::addRow("unchanged") << u"a b c"_s << u"a b c"_s << u"a"_s;
    }

    void merge()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, selected);
        RecordModel model({u"Key"_s, u"Value"_s});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(rowsFor(before), rowsFor(before).size());
        QItemSelectionModel selection(&model);
        if (!selected.isEmpty())
            selection.setCurrentIndex(model.index(model.indexOfKey(selected), 0),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.merge(rowsFor(after), rowsFor(after).size());

        QCOMPARE(dump(model), expected(after));
        QCOMPARE(resets.count(), 0);
        if (!selected.isEmpty()) {
            QVERIFY(selection.currentIndex().isValid());
            QCOMPARE(selection.currentIndex().data(RecordModel::KeyRole).toString(), selected);
            QVERIFY(selection.isRowSelected(selection.currentIndex().row(), {}));
        }
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.indexOfKey(model.row(r).key), r);
    }

    void fetchMoreAppendsWindows()
    {
        RecordModel model({u"Key"_s, u"Value"_s});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<int> asked;
        model.setFetchMoreHandler([&asked](int offset) { asked << offset; });
        model.reset(rowsFor(u"a b"_s), 4);
        // The tester itself may already have asked for more; either way exactly one request is in flight.
        if (model.canFetchMore({}))
            model.fetchMore({});
        QVERIFY(!model.canFetchMore({}));
        model.appendRows(rowsFor(u"c d"_s));
        QCOMPARE(asked, QList<int>{2});
        QCOMPARE(dump(model), expected(u"a b c d"_s));
        QVERIFY(!model.canFetchMore({}));
    }

    void sortAsksTheCache()
    {
        RecordModel model({u"Key"_s, u"Value"_s});
        QSignalSpy sorts(&model, &RecordModel::sortRequested);
        model.sort(1, Qt::AscendingOrder);
        model.sort(1, Qt::AscendingOrder);
        QCOMPARE(sorts.count(), 1);
        QCOMPARE(sorts.at(0).at(0).toInt(), 1);
    }

    void markerShowsAsDecorationAndTooltip()
    {
        RecordModel model({u"Status"_s});
        model.reset({TableRow{u"r1"_s, {u"running"_s}, {}, TableRow::Marker::Stuck, u"Stuck: no new step"_s}}, 1);
        QVERIFY(model.index(0, 0).data(Qt::DecorationRole).canConvert<QColor>());
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), u"Stuck: no new step"_s);
        QCOMPARE(model.index(0, 0).data(RecordModel::MarkerRole).toInt(), int(TableRow::Marker::Stuck));
    }
};

QTEST_GUILESS_MAIN(TestRecordModel)
#include "tst_recordmodel.moc"
