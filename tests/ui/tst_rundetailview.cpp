// SPDX-License-Identifier: MIT
// Run detail over a real cache: messages grouped by step, a huge message shown truncated with "Show all",
// an unknown message type kept and shown, markup shown as text.
#include "entityfactory.h"
#include "session/cachereader.h"
#include "store/storewriter.h"
#include "ui/runs/rundetailview.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace lettascope;

class TestRunDetailView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    store::StoreWriter m_writer;
    session::CacheReader m_reader;
    qint64 m_server = 0;

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = m_dir.filePath(u"cache.db"_s);
        QVERIFY(m_writer.open(path));
        auto server = m_writer.ensureServer({u"p"_s, u"p"_s, u"http://localhost"_s, u"rest"_s, {}}).result();
        QVERIFY(server);
        m_server = *server;
        store::WriteBatch batch;
        batch.agents << testsupport::makeAgent(u"agent-1"_s, u"helper"_s);
        batch.runs << testsupport::makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, 1'700'000'000'000, u"end_turn"_s);
        Step step = testsupport::makeStep(u"step-1"_s, u"run-1"_s, 100, 20);
        step.agentId = u"agent-1"_s;
        batch.steps << step;
        Message huge = testsupport::makeText(u"m1"_s, u"assistant_message"_s, u"run-1"_s,
                                             QString(ui::runs::RunDetailView::TruncateChars + 5000, u'x'), 1'700'000'001'000);
        huge.stepId = u"step-1"_s;
        Message odd = testsupport::makeText(u"m2"_s, u"telepathy_message"_s, u"run-1"_s, u"<b>not bold</b>"_s, 1'700'000'002'000);
        odd.stepId = u"step-1"_s;
        batch.messages << huge << odd;
        QVERIFY(m_writer.write(m_server, batch).result());
        QVERIFY(m_reader.open(path).result());
    }

    void hugeAndUnknownMessages()
    {
        ui::runs::RunDetailView view(m_reader);
        QSignalSpy loaded(&view, &ui::runs::RunDetailView::loaded);
        view.showRun(m_server, u"run-1"_s);
        QVERIFY(loaded.wait(5000));
        QTreeWidget *timeline = view.timeline();
        QCOMPARE(timeline->topLevelItemCount(), 1);
        QTreeWidgetItem *step = timeline->topLevelItem(0);
        QVERIFY(step->text(0).startsWith(u"Step 1"_s));
        QCOMPARE(step->childCount(), 2);
        QCOMPARE(step->child(1)->text(0), u"telepathy_message"_s);
        QCOMPARE(step->child(1)->text(2), u"[telepathy_message] <b>not bold</b>"_s);

        auto *text = view.findChild<QPlainTextEdit *>(u"messageText"_s);
        auto *showAll = view.findChild<QPushButton *>(u"showAllButton"_s);
        timeline->setCurrentItem(step->child(0));
        QVERIFY(!showAll->isHidden());
        QVERIFY(text->toPlainText().size() < ui::runs::RunDetailView::TruncateChars + 100);
        QVERIFY(text->toPlainText().contains(u"5,000 more characters"_s) || text->toPlainText().contains(u"5000 more characters"_s));
        showAll->click();
        QCOMPARE(text->toPlainText().size(), ui::runs::RunDetailView::TruncateChars + 5000);
        QVERIFY(showAll->isHidden());

        timeline->setCurrentItem(step->child(1));
        QCOMPARE(text->toPlainText(), u"<b>not bold</b>"_s);
    }
};

QTEST_MAIN(TestRunDetailView)
#include "tst_rundetailview.moc"
