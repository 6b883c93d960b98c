// SPDX-License-Identifier: MIT
// Figures for the Runs list over a cache of 10,000 runs: the first window, a fetchMore window, a sort change,
// and a refresh that merges a few new runs into 10,000 loaded rows (query + merge, and the merge alone).
// Prints medians of several rounds and the machine; asserts nothing.
#include "benchsupport.h"
#include "common/listloader.h"
#include "common/recordmodel.h"
#include "entityfactory.h"
#include "runs/runrows.h"
#include "session/cachereader.h"
#include "store/storewriter.h"

#include <QCoreApplication>
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

constexpr int kRuns = 10'000;
constexpr int kRounds = 7;
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
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.db"_s);
    store::StoreWriter writer;
    if (!writer.open(path))
        qFatal("cannot open the cache");
    const auto server = writer.ensureServer({u"bench"_s, u"bench"_s, u"http://localhost"_s, u"rest"_s, {}}).result();
    for (int first = 0; first < kRuns; first += 1000)
        writer.write(*server, runsBatch(first, 1000)).waitForFinished();

    session::CacheReader reader;
    reader.open(path).waitForFinished();
    store::RunQuery query;
    query.serverId = *server;

    std::vector<double> firstWindow, nextWindow, sortChange, refreshAll, mergeOnly;
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
    }

    std::printf("Runs list benchmark, %d runs cached (+5 per round), median of %d rounds\n", kRuns, kRounds);
    std::printf("machine: %s, %s\n", qPrintable(machineLine()), qPrintable(QSysInfo::prettyProductName()));
    std::printf("first window (200 rows, list + count + rows)  %8.2f ms\n", median(firstWindow));
    std::printf("fetchMore window (200 rows)                   %8.2f ms\n", median(nextWindow));
    std::printf("sort change (tokens, first window)            %8.2f ms\n", median(sortChange));
    std::printf("refresh of %d loaded rows (query + merge)   %8.2f ms\n", kRuns, median(refreshAll));
    std::printf("merge alone (%d rows, 5 new, 1 changed)     %8.2f ms\n", kRuns, median(mergeOnly));
    return 0;
}
