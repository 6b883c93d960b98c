// SPDX-License-Identifier: MIT
// Figures for the Runs tab over a cache of 100,000 runs (or the count given as the first argument): the first
// window (the tab opening), a fetchMore window, a sort change, a filter change, opening a run with 200
// messages, and a refresh that merges a few new runs into every loaded row (query + merge, and the merge
// alone). Prints medians of several rounds and the machine; asserts nothing.
// Budgets (issue: the desktop app): opens <= 300 ms, sort or filter <= 200 ms, a 200-message run <= 150 ms.
#include "benchsupport.h"
#include "entityfactory.h"
#include "session/cachereader.h"
#include "session/opencache.h"
#include "store/storewriter.h"
#include "ui/common/listloader.h"
#include "ui/common/recordmodel.h"
#include "ui/runs/rundetailview.h"
#include "ui/runs/runrows.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace benchsupport;

namespace {

constexpr int kDefaultRuns = 100'000;
constexpr int kRounds = 7;
const QString kLongRun = u"run-long"_s;
constexpr qint64 kBaseMs = 1'760'000'000'000;

store::WriteBatch runsBatch(int first, int count)
{
    store::WriteBatch batch;
    for (int a = 0; a < 20 && first == 0; ++a)
        batch.agents << testsupport::makeAgent(u"agent-%1"_s.arg(a), u"agent %1"_s.arg(a));
    for (int i = first; i < first + count; ++i) {
        const auto status = i % 17 == 0 ? RunStatus::Failed : RunStatus::Completed;
        Run run = testsupport::makeRun(u"run-%1"_s.arg(i, 6, 10, QChar(u'0')), u"agent-%1"_s.arg(i % 20), status,
                                       kBaseMs + qint64(i) * 60'000, u"end_turn"_s);
        run.completedMs = *run.createdMs + 1000 + i % 5000;
        batch.runs << run;
    }
    return batch;
}

/// One run with 40 steps and 200 messages (user, reasoning, tool calls and returns, replies).
store::WriteBatch longRunBatch()
{
    store::WriteBatch batch;
    batch.runs << testsupport::makeRun(kLongRun, u"agent-0"_s, RunStatus::Completed, kBaseMs - 3'600'000, u"end_turn"_s);
    for (int s = 0; s < 40; ++s) {
        const QString step = u"step-long-%1"_s.arg(s);
        batch.steps << testsupport::makeStep(step, kLongRun, 1200 + s, 80 + s);
        const qint64 at = kBaseMs - 3'600'000 + s * 5'000;
        batch.messages << testsupport::makeText(u"m-%1-r"_s.arg(s), u"reasoning_message"_s, kLongRun,
                                                u"Thinking about part %1 of the task."_s.arg(s), at);
        batch.messages << testsupport::makeToolCall(u"m-%1-c"_s.arg(s), kLongRun, u"web_search"_s,
                                                    u"{\"query\": \"part %1\"}"_s.arg(s), at + 1);
        batch.messages << testsupport::makeToolReturn(u"m-%1-t"_s.arg(s), kLongRun, s % 7 ? u"success"_s : u"error"_s,
                                                      u"result %1 "_s.arg(s).repeated(20), at + 2);
        batch.messages << testsupport::makeText(u"m-%1-a"_s.arg(s), u"assistant_message"_s, kLongRun,
                                                u"Here is what I found for part %1."_s.arg(s), at + 3);
        batch.messages << testsupport::makeText(u"m-%1-u"_s.arg(s), u"user_message"_s, kLongRun,
                                                u"Go on with part %1."_s.arg(s + 1), at + 4);
    }
    for (Step &step : batch.steps)
        step.ordinal = -1;
    return batch;
}

/// Milliseconds from `start()` to the loader's next `loaded`.
double timeLoad(ui::ListLoader &loader, const std::function<void()> &start)
{
    QSignalSpy loaded(&loader, &ui::ListLoader::loaded);
    QElapsedTimer timer;
    timer.start();
    start();
    if (!loaded.wait(60'000))
        qFatal("load timed out");
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int kRuns = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : kDefaultRuns;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.db"_s);
    store::StoreWriter writer;
    if (!session::openCache(writer, path))
        qFatal("cannot open the cache");
    const auto server = writer.ensureServer({u"bench"_s, u"bench"_s, u"http://localhost"_s, u"rest"_s, {}}).result();
    for (int first = 0; first < kRuns; first += 1000)
        writer.write(*server, runsBatch(first, 1000)).waitForFinished();
    writer.write(*server, longRunBatch()).waitForFinished();

    session::CacheReader reader;
    reader.open(path).waitForFinished();
    store::RunQuery query;
    query.serverId = *server;

    std::vector<double> firstWindow, nextWindow, sortChange, filterChange, openRun, refreshAll, mergeOnly;
    int added = kRuns;
    for (int round = 0; round < kRounds; ++round) {
        ui::RecordModel model(ui::runs::headers());
        ui::ListLoader loader(reader, &model);
        firstWindow.push_back(timeLoad(loader, [&] { loader.setFetch(ui::runs::runsFetch(query, 600'000)); }));
        nextWindow.push_back(timeLoad(loader, [&] { model.fetchMore({}); }));
        // Load everything (the worst case for a refresh), then add a few runs and refresh.
        while (model.canFetchMore({}))
            timeLoad(loader, [&] { model.fetchMore({}); });
        writer.write(*server, runsBatch(added, 5)).waitForFinished();
        added += 5;
        refreshAll.push_back(timeLoad(loader, [&] { loader.refresh(); }));
        // The merge alone, on the GUI thread: the same rows with one changed and five new on top.
        QList<ui::TableRow> fresh = model.rows();
        fresh.first().cells[0] = u"changed"_s;
        for (int i = 0; i < 5; ++i)
            fresh.prepend(ui::TableRow{u"new-%1-%2"_s.arg(round).arg(i), {u"running"_s}, {}, {}, {}});
        QElapsedTimer timer;
        timer.start();
        model.merge(fresh, fresh.size());
        mergeOnly.push_back(double(timer.nsecsElapsed()) / 1e6);

        store::RunQuery sorted = query;
        sorted.sort = store::RunQuery::Sort::Tokens;
        sortChange.push_back(timeLoad(loader, [&] { loader.setFetch(ui::runs::runsFetch(sorted, 600'000)); }));
        store::RunQuery failed = query;
        failed.statuses = {RunStatus::Failed};
        filterChange.push_back(timeLoad(loader, [&] { loader.setFetch(ui::runs::runsFetch(failed, 600'000)); }));

        // Opening a run: the read on the reader thread, then the timeline built on the GUI thread.
        ui::runs::RunDetailView view(reader);
        view.resize(1000, 800);
        view.show();
        QSignalSpy shown(&view, &ui::runs::RunDetailView::loaded);
        QElapsedTimer detail;
        detail.start();
        view.showRun(*server, kLongRun);
        if (!shown.wait(60'000))
            qFatal("the 200-message run did not load");
        QCoreApplication::processEvents();
        openRun.push_back(double(detail.nsecsElapsed()) / 1e6);
    }

    std::printf("Runs list benchmark, %d runs cached (+5 per round), median of %d rounds\n", kRuns, kRounds);
    std::printf("machine: %s, %s\n", qPrintable(machineLine()), qPrintable(QSysInfo::prettyProductName()));
    std::printf("first window (200 rows, list + count + rows)  %8.2f ms\n", median(firstWindow));
    std::printf("fetchMore window (200 rows)                   %8.2f ms\n", median(nextWindow));
    std::printf("sort change (tokens, first window)            %8.2f ms\n", median(sortChange));
    std::printf("filter change (status failed, first window)   %8.2f ms\n", median(filterChange));
    std::printf("open a run: 200 messages, 40 steps (shown)    %8.2f ms\n", median(openRun));
    std::printf("refresh of %d loaded rows (query + merge)   %8.2f ms\n", kRuns, median(refreshAll));
    std::printf("merge alone (%d rows, 5 new, 1 changed)     %8.2f ms\n", kRuns, median(mergeOnly));
    return 0;
}
