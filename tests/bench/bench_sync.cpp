// SPDX-License-Identifier: MIT
// The foundation's budgets, measured the way a person meets them: `lettascope-cli` as its own process
// against the demo server (in this process, on its own thread) at 10,000 runs.
//   cold full sync <= 30 s, idle sync <= 200 ms, peak RSS of the syncing process <= 300 MB,
//   `list runs --limit 50` <= 50 ms, full-text search <= 50 ms (wall time of the whole command).
#include "benchsupport.h"

#include "demo/demoserverthread.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace benchsupport;
using namespace lettascope::demo;

namespace {

constexpr int kColdRounds = 3;
constexpr int kQuickRounds = 9;

struct Budget {
    const char *what;
    double figure;
    double limit;
    const char *unit;
};

void printBudget(const Budget &budget)
{
    std::printf("  %-44s %9.1f %-3s (budget %.0f %s) %s\n", budget.what, budget.figure, budget.unit, budget.limit,
                budget.unit, budget.figure <= budget.limit ? "ok" : "OVER");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString cli = QStringLiteral(LETTASCOPE_CLI);
    std::printf("Sync benchmark — %s\n", qPrintable(machineLine()));

    DemoConfig config;
    config.agents = 20;
    config.runsPerAgent = 500;
    DemoServerThread demo(config);
    const auto port = demo.start();
    if (!port) {
        std::fprintf(stderr, "demo server: %s\n", qPrintable(port.error().message));
        return 2;
    }
    const auto [runs, steps, messages] = demo.store().read([](const DemoDataset &data) {
        return std::tuple{data.runs.size(), data.steps.size(), data.messages.size()};
    });
    std::printf("demo server: %zu runs, %zu steps, %zu messages at %s\n", runs, steps, messages,
                qPrintable(demo.url().toString()));

    QTemporaryDir dir;
    const QString url = demo.url().toString();
    std::vector<double> cold;
    std::vector<double> rss;
    QString cache;
    for (int round = 0; round < kColdRounds; ++round) {
        cache = dir.filePath(u"cold-%1.db"_s.arg(round));
        const ProcessRun run = runMeasured(cli, {u"--cache"_s, cache, u"sync"_s, u"--server"_s, url});
        if (run.exitCode != 0) {
            std::fprintf(stderr, "cold sync failed (exit %d)\n", run.exitCode);
            return 2;
        }
        cold.push_back(run.wallMs / 1000.0);
        rss.push_back(double(run.peakRssKiB) / 1024.0);
        std::printf("  cold sync %d: %.1f s, peak RSS %.0f MiB\n", round + 1, cold.back(), rss.back());
    }
    std::printf("cache file after a cold sync: %.0f MiB\n", double(QFileInfo(cache).size()) / (1024.0 * 1024.0));

    // The default metrics budget backfills step timings over later syncs; finish that first so the idle
    // figure is the steady state a person sees every few minutes.
    runMeasured(cli, {u"--cache"_s, cache, u"sync"_s, u"--server"_s, url, u"--step-metrics"_s, u"all"_s});

    const auto quick = [&](const QStringList &arguments) {
        std::vector<double> times;
        for (int round = 0; round < kQuickRounds; ++round)
            times.push_back(runMeasured(cli, QStringList{u"--cache"_s, cache} + arguments).wallMs);
        return median(times);
    };
    const double idle = quick({u"sync"_s, u"--server"_s, url});
    const double list = quick({u"list"_s, u"runs"_s, u"--limit"_s, u"50"_s});
    const double search = quick({u"search"_s, u"error"_s, u"--json"_s});
    const double startup = quick({u"--version"_s});

    std::printf("\nmedians (cold: %d rounds; others: %d rounds; wall time of the whole CLI process):\n",
                kColdRounds, kQuickRounds);
    printBudget({"cold full sync (2,000 step metrics)", median(cold), 30, "s"});
    printBudget({"peak RSS of the syncing process", median(rss), 300, "MiB"});
    printBudget({"incremental sync, nothing new", idle, 200, "ms"});
    printBudget({"list runs --limit 50", list, 50, "ms"});
    printBudget({"search error --json", search, 50, "ms"});
    std::printf("  (process start-up alone, --version: %.1f ms)\n", startup);
    return 0;
}
