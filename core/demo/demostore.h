// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "demodataset.h"
#include "demorunbuilder.h"

#include <QReadWriteLock>

namespace lettascope::demo {

/// What one live-mode tick changed.
struct LiveTick {
    int runsCreated = 0;
    int stepsAdded = 0;
    int runsFinished = 0;
};

/// The dataset behind a read-write lock, plus every way to change it. The server reads it on its
/// thread while live mode and tests mutate it from theirs. Mutations happen "now" (wall clock, kept
/// monotonic) and draw their choices from a seeded generator, so a sequence of calls is reproducible
/// apart from timestamps.
class DemoStore final
{
public:
    explicit DemoStore(const DemoConfig &config);
    explicit DemoStore(DemoDataset data);
    Q_DISABLE_COPY_MOVE(DemoStore)

    /// Runs `reader(const DemoDataset &)` under the shared lock and returns its result.
    template<typename Reader>
    auto read(Reader &&reader) const
    {
        QReadLocker lock(&m_lock);
        return reader(m_data);
    }

    /// A new run on `agentId` (or a seeded random agent when empty), status created, with its input
    /// message. Returns the run id.
    Result<QString> appendRun(const QString &agentId = {});
    /// Executes the next planned step of an active run (or resolves its pending step).
    Status addStep(const QString &runId);
    /// Runs the remaining steps of an active run and ends it with `reason` (its status follows).
    Status completeRun(const QString &runId, StopReason reason = StopReason::EndTurn);

    Status setAgentSystem(const QString &agentId, const QString &system);
    Status setAgentModel(const QString &agentId, const QString &modelHandle);
    Status setAgentTools(const QString &agentId, const QStringList &toolNames);
    Status setBlockValue(const QString &agentId, const QString &label, const QString &value);

    /// One step of live mode: start new runs, advance running ones, finish those that are done. A run
    /// takes its next step only once the previous one has ended on the store's clock.
    LiveTick liveTick();
    /// Makes the store's clock run `speed` times faster than the wall clock from now on (tests use
    /// this so live runs finish in milliseconds); 1 is real time.
    void setClockSpeed(double speed);

private:
    Micros now() const;
    std::optional<quint32> activeRun(const QString &runId, Error &error) const;
    std::optional<quint32> agentIndex(const QString &agentId, Error &error) const;
    quint32 createRun(quint16 agent, Micros created);
    bool advance(quint32 run, Micros now);

    mutable QReadWriteLock m_lock;
    DemoDataset m_data;
    DemoRunBuilder m_builder;
    DemoRandom m_rng;
    std::vector<quint32> m_active; ///< runs in status created/running
    double m_speed = 1.0;
    Micros m_wallOrigin = 0;
    Micros m_clockOrigin = 0;
};

} // namespace lettascope::demo
