// SPDX-License-Identifier: MIT
// The Trajectories page and the Jobs panel offscreen, over a processed cache: the list fills and filters,
// a selection loads its detail and the contrasts of similar runs, a query shows its three tiers, an
// annotation is saved, and the jobs panel pauses, cancels and retries. Plus the detail document's content.
#include "cachefixture.h"

#include "trajectories/processingjobmodel.h"
#include "trajectories/processingsettings.h"
#include "trajectories/trajectory.h"
#include "trajectories/trajectorylistmodel.h"
#include "trajectories/trajectoryservice.h"
#include "ui/trajectories/detailhtml.h"
#include "ui/trajectories/jobspanel.h"
#include "ui/trajectories/trajectoriesview.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using lettascope::ui::trajectories::detailHtml;
using lettascope::ui::trajectories::JobsPanel;
using lettascope::ui::trajectories::TrajectoriesView;
using namespace testsupport;

namespace {

constexpr int kRuns = 12;

} // namespace

class TestTrajectoriesView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    CacheFixture m_cache;
    std::unique_ptr<QSettings> m_file;
    std::unique_ptr<ProcessingSettings> m_settings;
    std::unique_ptr<TrajectoryService> m_service;

    template<typename T>
    T *child(QWidget &parent, const QString &name)
    {
        T *found = parent.findChild<T *>(name);
        if (!found)
            qWarning() << "no child" << name;
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.open());
        QVERIFY(m_cache.write(scenarioRuns(0, kRuns)));
        m_file = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<ProcessingSettings>(m_file.get());
        m_service = std::make_unique<TrajectoryService>(m_cache.writer(), *m_settings);
        m_service->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_service->queueStats().succeeded, kRuns, 20000);
    }

    void cleanupTestCase()
    {
        m_service.reset();
    }

    void listDetailContrastsAnnotation()
    {
        TrajectoriesView page(*m_service);
        page.resize(1200, 800);
        page.show();
        auto *list = child<QTableView>(page, u"trajectoryList"_s);
        QVERIFY(list);
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), kRuns, 10000);
        // The score bounds read "any" when unset, not a number past the range.
        auto *minScore = child<QDoubleSpinBox>(page, u"minScore"_s);
        auto *maxScore = child<QDoubleSpinBox>(page, u"maxScore"_s);
        QVERIFY(minScore && maxScore);
        QCOMPARE(minScore->text(), u"any"_s);
        QCOMPARE(maxScore->text(), u"any"_s);
        maxScore->setValue(0.5);
        QCOMPARE(maxScore->text(), u"0.50"_s);
        maxScore->setValue(maxScore->maximum());
        QCOMPARE(maxScore->text(), u"any"_s);

        // Selecting a run loads its detail and the contrasts of runs similar to it.
        auto *detail = child<QTextBrowser>(page, u"detailView"_s);
        auto *successes = child<QListWidget>(page, u"successesList"_s);
        auto *moderate = child<QListWidget>(page, u"moderateList"_s);
        auto *failures = child<QListWidget>(page, u"failuresList"_s);
        QVERIFY(detail && successes && moderate && failures);
        QTRY_VERIFY(list->model()->index(1, 0).data(TrajectoryListModel::LoadedRole).toBool());
        list->selectRow(0);
        const QString runId = list->model()->index(0, 0).data(TrajectoryListModel::RunIdRole).toString();
        QVERIFY(!runId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(runId), 10000);
        QVERIFY(detail->toPlainText().contains(u"Heuristic outcome"_s));
        QTRY_VERIFY_WITH_TIMEOUT(successes->count() + moderate->count() + failures->count() > 0, 10000);
        // With nothing selected (and no query) the contrasts of the old selection go.
        list->clearSelection();
        QCOMPARE(successes->count() + moderate->count() + failures->count(), 0);
        list->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(successes->count() + moderate->count() + failures->count() > 0, 10000);

        // A query shows its own tiers.
        auto *search = child<QLineEdit>(page, u"searchEdit"_s);
        search->setText(u"weather"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(child<QLabel>(page, u"contrastsTitle"_s)->text().contains(u"weather"_s));
        QTRY_VERIFY_WITH_TIMEOUT(successes->count() + moderate->count() + failures->count() > 0, 10000);

        // A status filter narrows the list to that status.
        auto *status = child<QComboBox>(page, u"statusFilter"_s);
        status->setCurrentIndex(status->findData(u"failed"_s));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0 && list->model()->rowCount() < kRuns, 10000);
        for (int row = 0; row < list->model()->rowCount(); ++row)
            QTRY_COMPARE(list->model()->index(row, 0).data(TrajectoryListModel::ExecutionStatusRole).toString(), u"failed"_s);
        status->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), kRuns, 10000);

        // An annotation with a score of 0.00 is saved as a score, and shown in the detail.
        QTRY_VERIFY(list->model()->index(1, 0).data(TrajectoryListModel::LoadedRole).toBool());
        list->selectRow(1);
        const QString annotatedRun = list->model()->index(1, 0).data(TrajectoryListModel::RunIdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(annotatedRun), 10000);
        child<QDoubleSpinBox>(page, u"humanScore"_s)->setValue(0.0);
        child<QLineEdit>(page, u"annotationNote"_s)->setText(u"picked the wrong tool"_s);
        QSignalSpy saved(m_service.get(), &TrajectoryService::annotationSaved);
        QVERIFY(child<QPushButton>(page, u"saveAnnotation"_s)->isEnabled());
        child<QPushButton>(page, u"saveAnnotation"_s)->click();
        // Counted, not waited for: the write may land before the click returns (QFuture::then on a finished future).
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(u"picked the wrong tool"_s), 10000);
        QVERIFY(detail->toPlainText().contains(u"Your annotation"_s));
        QTRY_COMPARE(list->model()->index(1, 0).data(TrajectoryListModel::HumanScoreRole).toDouble(), 0.0);
    }

    void jobsPanelPausesCancelsRetries()
    {
        JobsPanel panel(*m_service);
        panel.show();
        auto *pause = child<QPushButton>(panel, u"pauseButton"_s);
        QVERIFY(pause);
        pause->click();
        QVERIFY(m_service->isPaused());
        QCOMPARE(pause->text(), u"Resume"_s);

        // Re-processing while paused leaves jobs queued; cancel with nothing selected cancels them all.
        m_service->reprocess({1, 2}, AllStages);
        QTRY_COMPARE(m_service->queueStats().queued, 2);
        auto *view = child<QTableView>(panel, u"jobsView"_s);
        QTRY_VERIFY(view->model()->rowCount() >= 2);
        child<QPushButton>(panel, u"cancelButton"_s)->click();
        QTRY_COMPARE(m_service->queueStats().cancelled, 2);

        // Retry of one selected cancelled job queues that one only.
        const auto retryableRow = [view] {
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                if (view->model()->index(row, 0).data(ProcessingJobModel::CanRetryRole).toBool())
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY(retryableRow() >= 0);
        view->selectRow(retryableRow());
        child<QPushButton>(panel, u"retryButton"_s)->click();
        QTRY_COMPARE(m_service->queueStats().queued, 1);
        QCOMPARE(m_service->queueStats().cancelled, 1);

        pause->click();
        QVERIFY(!m_service->isPaused());
        QTRY_COMPARE_WITH_TIMEOUT(m_service->queueStats().queued, 0, 10000);
        QCOMPARE(pause->text(), u"Pause"_s);
    }

    void detailDocument()
    {
        TrajectoryDetail d;
        d.row.runId = u"run-42"_s;
        d.row.score = 0.0;
        d.row.processingState = u"partial"_s;
        d.data = QJsonObject{{u"outcome"_s, QJsonObject{{u"execution"_s, QJsonObject{{u"status"_s, u"failed"_s},
                                                                                     {u"confidence"_s, 0.9},
                                                                                     {u"reasoning"_s, QJsonArray{u"Run failed with error"_s}}}}}},
                             {u"turns"_s, QJsonArray{QJsonObject{{u"model"_s, u"gpt-4o"_s}, {u"messages"_s, QJsonArray{1, 2}}}}}};
        StageInfo labels;
        labels.stage = Stage::Labels;
        labels.backend = u"openai"_s;
        labels.model = u"gpt-4o-mini"_s;
        labels.error = u"malformed model output: no usable tags"_s;
        d.stages << labels;
        Decision ok;
        ok.action = u"fetch"_s;
        ok.success = true;
        Decision bad = ok;
        bad.success = false;
        d.decisions << ok << bad;
        QTextDocument doc;
        doc.setHtml(detailHtml(d));
        const QString text = doc.toPlainText();
        for (const QString &expected : {u"run-42"_s, u"Heuristic outcome"_s, u"Run failed with error"_s, u"0.00"_s,
                                        u"gpt-4o-mini"_s, u"malformed model output: no usable tags"_s, u"50 %"_s,
                                        u"Turns (1)"_s, u"gpt-4o · 2 message(s)"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected + u" missing from:\n"_s + text));
        QVERIFY(!text.contains(u"N/A"_s)); // a 0.0 score is a score
    }
};

QTEST_MAIN(TestTrajectoriesView)
#include "tst_trajectoriesview.moc"
