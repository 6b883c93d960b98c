// SPDX-License-Identifier: MIT
#include "demogenerator.h"

#include "common/logging.h"
#include "demorunbuilder.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>

namespace lettascope::demo {

namespace {

constexpr Micros kHour = 3600 * kMicrosPerSecond;

// Requests follow office hours (UTC), fewer at weekends, and grow towards the anchor.
Micros sampleRunTime(DemoRandom &rng, Micros anchor, int historyDays)
{
    static constexpr int hourWeights[24] = {1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 7, 5, 4, 3, 2, 2, 1};
    // Calendar days ending with the anchor's own day; nothing at or after the anchor itself.
    const Micros lastDay = startOfUtcDay(anchor - 1);
    for (;;) {
        const int day = int(rng.below(quint32(historyDays)));
        const Micros dayStart = lastDay - qint64(historyDays - 1 - day) * kMicrosPerDay;
        double weight = 0.3 + 0.7 * double(day + 1) / historyDays;
        if (weekdayOf(dayStart) >= 5)
            weight *= 0.4;
        if (rng.unit() >= weight)
            continue;
        const int hour = rng.weighted(hourWeights);
        const Micros time = dayStart + hour * kHour + rng.range64(0, kHour - 1);
        if (time < anchor)
            return time;
    }
}

struct RunSlot {
    Micros created;
    quint16 agent;
};

std::vector<RunSlot> sampleRuns(const DemoDataset &data)
{
    std::vector<RunSlot> schedule;
    const int perAgent = qMax(0, data.config.runsPerAgent);
    schedule.reserve(size_t(perAgent) * data.agents.size());
    for (size_t agent = 0; agent < data.agents.size(); ++agent) {
        DemoRandom rng(DemoRandom::mix(data.config.seed, 1000 + agent));
        for (int i = 0; i < perAgent; ++i) {
            // Some runs start seconds after another one of the same agent: parallel runs.
            const bool burst = i > 0 && rng.chance(0.06);
            const Micros created = burst
                ? qMin(schedule.back().created + rng.range64(2, 40) * kMicrosPerSecond, data.anchor - 1000)
                : sampleRunTime(rng, data.anchor, qMax(1, data.config.historyDays));
            schedule.push_back({created, quint16(agent)});
        }
    }
    std::sort(schedule.begin(), schedule.end(), [](const RunSlot &a, const RunSlot &b) {
        return a.created != b.created ? a.created < b.created : a.agent < b.agent;
    });
    for (size_t i = 1; i < schedule.size(); ++i)
        schedule[i].created = qMax(schedule[i].created, schedule[i - 1].created + 1);
    return schedule;
}

void generateRuns(DemoDataset &data)
{
    const std::vector<RunSlot> schedule = sampleRuns(data);
    data.runs.reserve(schedule.size());
    const size_t total = schedule.size();
    // Only the newest runs are still active: a few running, the very newest not started yet.
    const size_t active = total < 2 ? total : qMax<size_t>(2, total / 100);
    const size_t created = (active + 2) / 3;
    DemoRunBuilder builder(data, DemoRandom::mix(data.config.seed, 77));
    DemoRandom rng(DemoRandom::mix(data.config.seed, 78));
    // Some agents end their history waiting for an approval nobody has given yet (pending_approval).
    std::vector<size_t> lastFinished(data.agents.size(), total);
    for (size_t i = 0; i + active < total; ++i)
        lastFinished[schedule[i].agent] = i;
    for (size_t i = 0; i < total; ++i) {
        const RunSlot &slot = schedule[i];
        RunPlan plan = builder.plan(slot.agent);
        if (i == lastFinished[slot.agent] && !plan.approvalContinuation)
            plan.outcome = StopReason::RequiresApproval;
        const quint32 run = builder.begin(slot.agent, slot.created, plan);
        const Micros start = slot.created + rng.range(5, 60) * 1000;
        if (i >= total - created)
            continue;
        if (i >= total - active) {
            Micros time = start;
            const int done = int(rng.below(data.runs[run].plan.steps));
            for (int s = 0; s < done; ++s)
                time = builder.step(run, time) + rng.range(40, 400) * 1000;
            builder.openStep(run, time);
            continue;
        }
        builder.complete(run, start);
    }
}

template<typename Record>
std::vector<quint32> creationOrder(const std::vector<Record> &records, Micros Record::*time)
{
    std::vector<quint32> order(records.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(),
                     [&](quint32 a, quint32 b) { return records[a].*time < records[b].*time; });
    return order;
}

template<typename Record>
std::vector<quint32> applyOrder(std::vector<Record> &records, const std::vector<quint32> &order)
{
    std::vector<quint32> newIndex(order.size());
    std::vector<Record> sorted;
    sorted.reserve(records.size());
    for (size_t i = 0; i < order.size(); ++i) {
        newIndex[order[i]] = quint32(i);
        sorted.push_back(records[order[i]]);
    }
    records.swap(sorted);
    return newIndex;
}

} // namespace

namespace detail {

void sortByCreation(DemoDataset &data)
{
    const auto stepIndex = applyOrder(data.steps, creationOrder(data.steps, &StepRec::start));
    const auto messageIndex = applyOrder(data.messages, creationOrder(data.messages, &MessageRec::time));
    auto remap = [](const std::vector<quint32> &table, quint32 index) { return index == kNone ? kNone : table[index]; };
    for (auto &run : data.runs) {
        run.steps.clear();
        run.messages.clear();
    }
    for (auto &agent : data.agents) {
        agent.messages.clear();
        agent.pendingApproval = remap(messageIndex, agent.pendingApproval);
    }
    for (quint32 i = 0; i < data.steps.size(); ++i)
        data.runs[data.steps[i].run].steps.push_back(i);
    for (quint32 i = 0; i < data.messages.size(); ++i) {
        MessageRec &message = data.messages[i];
        message.step = remap(stepIndex, message.step);
        message.linked = remap(messageIndex, message.linked);
        if (message.run != kNone)
            data.runs[message.run].messages.push_back(i);
        data.agents[message.agent].messages.push_back(i);
    }
}

} // namespace detail

DemoDataset generateDataset(const DemoConfig &config)
{
    QElapsedTimer timer;
    timer.start();
    DemoDataset data;
    data.config = config;
    data.ids = DemoIds(config.seed);
    data.anchor = config.anchorMicros != 0 ? config.anchorMicros : startOfUtcDay(nowMicros());
    DemoRandom rng(DemoRandom::mix(config.seed, 1));
    detail::generateResources(data, rng);
    generateRuns(data);
    detail::sortByCreation(data);
    qCDebug(lcDemo) << "generated" << data.runs.size() << "runs," << data.steps.size() << "steps,"
                    << data.messages.size() << "messages in" << timer.elapsed() << "ms";
    return data;
}

} // namespace lettascope::demo
