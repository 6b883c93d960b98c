// SPDX-License-Identifier: MIT
// Issue 6's recording budget: 50 events/s per conversation across 20 conversations (1,000 frames/s)
// recorded without falling behind, and the thread that owns the Recorder (the GUI thread in the app)
// never stalled for more than 50 ms. The scripted App Server runs in this process on the main thread;
// the recorder works on its own thread as in the app.
//
// Figures: recording lag (a run's last frame sent → the run committed as completed, read back from the
// cache; includes the recorder's 250 ms write batching), the longest stall of the main thread (a 5 ms
// timer's worst lateness), and the process's CPU time per wall second (recorder, store writer and the
// scripted server together).
#include "benchsupport.h"

#include "appserver/recorder.h"
#include "fakeappserver.h"
#include "session/opencache.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace benchsupport;
using namespace lettascope;
using namespace lettascope::appserver;

namespace {

constexpr int kConversations = 20;
constexpr int kEventsPerSecond = 50;     // per conversation
constexpr int kFramesPerRun = 50;        // so each conversation finishes one run per second
constexpr int kSeconds = 10;
constexpr int kRounds = 3;

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QJsonObject runtimeOf(int conversation)
{
    return {{u"agent_id"_s, u"agent-bench"_s}, {u"conversation_id"_s, u"conv-%1"_s.arg(conversation)}};
}

/// Frame `index` (0 … kFramesPerRun-1) of run `run` in `conversation`: loop status, streamed text, usage,
/// stop reason, idle loop status, turn_finished — the shape of a real text turn.
QJsonObject frameOf(int conversation, int run, int index)
{
    // Run ids are numbered per server process, across conversations.
    const QString runId = u"local-run-%1"_s.arg((run - 1) * kConversations + conversation + 1);
    const QString clientId = u"cm-%1"_s.arg(run);
    QJsonObject frame{{u"runtime"_s, runtimeOf(conversation)},
                      {u"emitted_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    const auto loop = [&](const QString &status, bool active) {
        return QJsonObject{{u"status"_s, status}, {u"active_run_ids"_s, active ? QJsonArray{runId} : QJsonArray{}},
                           {u"client_message_ids_by_run_id"_s, QJsonObject{{runId, QJsonArray{clientId}}}}};
    };
    const auto delta = [&](QJsonObject fields) {
        fields.insert(u"run_id"_s, runId);
        frame.insert(u"type"_s, u"stream_delta"_s);
        frame.insert(u"delta"_s, fields);
        return frame;
    };
    if (index == 0) {
        frame.insert(u"type"_s, u"update_loop_status"_s);
        frame.insert(u"loop_status"_s, loop(u"PROCESSING_API_RESPONSE"_s, true));
        return frame;
    }
    if (index < kFramesPerRun - 4) {
        return delta({{u"message_type"_s, u"assistant_message"_s}, {u"id"_s, u"ui-msg-%1-%2"_s.arg(conversation).arg(run)},
                      {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"token%1 "_s.arg(index)}}}}});
    }
    if (index == kFramesPerRun - 4) {
        return delta({{u"message_type"_s, u"usage_statistics"_s}, {u"prompt_tokens"_s, 120}, {u"completion_tokens"_s, 45},
                      {u"total_tokens"_s, 165}});
    }
    if (index == kFramesPerRun - 3)
        return delta({{u"message_type"_s, u"stop_reason"_s}, {u"stop_reason"_s, u"end_turn"_s}});
    if (index == kFramesPerRun - 2) {
        frame.insert(u"type"_s, u"update_loop_status"_s);
        frame.insert(u"loop_status"_s, loop(u"WAITING_ON_INPUT"_s, false));
        return frame;
    }
    frame.insert(u"type"_s, u"turn_finished"_s);
    frame.insert(u"run_id"_s, runId);
    frame.insert(u"stop_reason"_s, u"end_turn"_s);
    frame.insert(u"turn_id"_s, u"turn-%1"_s.arg(run));
    return frame;
}

struct RoundResult {
    double medianLagMs = 0;
    double worstLagMs = 0;
    double worstStallMs = 0;
    double cpuPercent = 0;
    qint64 frames = 0;
    qint64 runs = 0;
};

std::optional<RoundResult> runRound(const QString &cachePath)
{
    appservertest::FakeAppServer server;
    if (!server.listen())
        return std::nullopt;
    server.setAgents({QJsonObject{{u"id"_s, u"agent-bench"_s}, {u"name"_s, u"bench"_s}}});
    QJsonArray conversations;
    for (int c = 0; c < kConversations; ++c)
        conversations.append(QJsonObject{{u"id"_s, runtimeOf(c).value(u"conversation_id")}, {u"agent_id"_s, u"agent-bench"_s}});
    server.setConversations(conversations);

    store::StoreWriter writer;
    if (!session::openCache(writer, cachePath))
        return std::nullopt;
    Recorder recorder(writer, store::ServerRecord{u"bench"_s, u"bench"_s, server.url().toString(), u"app_server"_s, {}},
                      AppServerEndpoint{server.url(), {}});
    recorder.start();
    QElapsedTimer wait;
    wait.start();
    // Every listed conversation plus the agent's default one.
    while (recorder.stats().conversations < kConversations + 1 && wait.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (recorder.stats().conversations < kConversations + 1)
        return std::nullopt;

    auto reader = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    if (!reader)
        return std::nullopt;
    QElapsedTimer clock;
    clock.start();
    std::vector<double> lastFrameSentMs;   // per run, in completion order (all conversations finish together)
    std::vector<double> lags;
    double worstStall = 0;
    qint64 completedSeen = 0;
    int tick = 0;
    const int totalTicks = kSeconds * kEventsPerSecond;
    const double cpuBefore = cpuSeconds();

    QTimer sender;                          // one frame per conversation every 20 ms: 50 events/s each
    sender.setTimerType(Qt::PreciseTimer);
    QObject::connect(&sender, &QTimer::timeout, [&] {
        const int run = tick / kFramesPerRun + 1;
        const int index = tick % kFramesPerRun;
        for (int c = 0; c < kConversations; ++c)
            server.push(frameOf(c, run, index));
        if (index == kFramesPerRun - 1) {
            for (int c = 0; c < kConversations; ++c)
                lastFrameSentMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        if (++tick == totalTicks)
            sender.stop();
    });
    QTimer probe;                           // the main thread's responsiveness and the cache's progress
    probe.setTimerType(Qt::PreciseTimer);
    double lastProbeMs = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        worstStall = std::max(worstStall, now - lastProbeMs - 5.0);
        lastProbeMs = now;
        auto stmt = reader->prepare("SELECT count(*) FROM runs WHERE status = 'completed'");
        if (!stmt || !stmt->step())
            return;
        const qint64 completed = stmt->int64(0);
        for (; completedSeen < completed && completedSeen < qint64(lastFrameSentMs.size()); ++completedSeen)
            lags.push_back(now - lastFrameSentMs[size_t(completedSeen)]);
    });
    // An event loop, not a polling one: the CPU figure must not include the benchmark spinning.
    QEventLoop loop;
    const qint64 expectedRuns = qint64(kConversations) * (totalTicks / kFramesPerRun);
    QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
        if (tick == totalTicks && completedSeen >= expectedRuns)
            loop.quit();
    });
    QTimer::singleShot((kSeconds + 30) * 1000, &loop, &QEventLoop::quit);
    sender.start(1000 / kEventsPerSecond);
    probe.start(5);
    loop.exec();
    const double wallS = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    probe.stop();

    RoundResult result;
    result.frames = recorder.stats().framesReceived;
    result.runs = completedSeen;
    result.medianLagMs = median(lags);
    result.worstLagMs = lags.empty() ? 0 : *std::max_element(lags.cbegin(), lags.cend());
    result.worstStallMs = worstStall;
    result.cpuPercent = 100.0 * cpu / wallS;
    recorder.stop();
    while (recorder.state() != RecorderState::Stopped)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("Recorder benchmark — %s\n", qPrintable(machineLine()));
    std::printf("%d conversations × %d events/s for %d s (%d frames per run)\n", kConversations, kEventsPerSecond, kSeconds,
                kFramesPerRun);
    QTemporaryDir dir;
    std::vector<double> lag, worstLag, stall, cpu;
    for (int round = 0; round < kRounds; ++round) {
        const auto result = runRound(dir.filePath(u"cache-%1.db"_s.arg(round)));
        if (!result) {
            std::fprintf(stderr, "round %d could not start (server, cache or subscriptions)\n", round + 1);
            return 2;
        }
        std::printf("  round %d: %lld frames, %lld runs completed; lag median %.0f ms, worst %.0f ms; main-thread stall "
                    "worst %.1f ms; CPU %.0f%% of one core\n",
                    round + 1, result->frames, result->runs, result->medianLagMs, result->worstLagMs, result->worstStallMs,
                    result->cpuPercent);
        lag.push_back(result->medianLagMs);
        worstLag.push_back(result->worstLagMs);
        stall.push_back(result->worstStallMs);
        cpu.push_back(result->cpuPercent);
    }
    std::printf("  %-52s %7.0f ms\n", "recording lag, median of round medians", median(lag));
    std::printf("  %-52s %7.0f ms\n", "recording lag, median of round worsts", median(worstLag));
    std::printf("  %-52s %7.1f ms (budget 50 ms) %s\n", "main-thread worst stall, median of rounds", median(stall),
                median(stall) <= 50 ? "ok" : "OVER");
    std::printf("  %-52s %7.0f %%\n", "process CPU per wall second, median", median(cpu));
    return 0;
}
