// SPDX-License-Identifier: MIT
#include "demostore.h"

#include "common/logging.h"
#include "democatalog.h"
#include "demoerrors.h"
#include "demogenerator.h"

using namespace Qt::StringLiterals;

namespace lettascope::demo {

namespace {

constexpr int kMaxActiveRuns = 4;

Error notFound(const QString &what)
{
    return Error{ErrorKind::NotFound, what};
}

} // namespace

DemoStore::DemoStore(const DemoConfig &config) : DemoStore(generateDataset(config)) { }

DemoStore::DemoStore(DemoDataset data)
    : m_data(std::move(data))
    , m_builder(m_data, DemoRandom::mix(m_data.config.seed, 0x11fe))
    , m_rng(DemoRandom::mix(m_data.config.seed, 0x11ff))
{
    for (quint32 i = 0; i < m_data.runs.size(); ++i) {
        if (isActive(m_data.runs[i].state))
            m_active.push_back(i);
    }
}

Micros DemoStore::now() const
{
    const Micros wall = nowMicros();
    const Micros clock = m_speed == 1.0 ? wall : m_clockOrigin + Micros(double(wall - m_wallOrigin) * m_speed);
    // Runs must stay sorted by created_at even when the anchor lies in the future.
    const Micros latest = m_data.runs.empty() ? 0 : m_data.runs.back().created;
    return qMax(clock, latest + 1);
}

void DemoStore::setClockSpeed(double speed)
{
    QWriteLocker lock(&m_lock);
    m_clockOrigin = now();
    m_wallOrigin = nowMicros();
    m_speed = qMax(0.001, speed);
}

std::optional<quint32> DemoStore::agentIndex(const QString &agentId, Error &error) const
{
    const auto agent = m_data.find(IdKind::Agent, agentId);
    if (!agent)
        error = notFound(u"no demo agent %1"_s.arg(agentId));
    return agent;
}

std::optional<quint32> DemoStore::activeRun(const QString &runId, Error &error) const
{
    const auto run = m_data.find(IdKind::Run, runId);
    if (!run) {
        error = notFound(u"no demo run %1"_s.arg(runId));
        return std::nullopt;
    }
    if (!isActive(m_data.runs[*run].state)) {
        error = Error{ErrorKind::BadRequest, u"run %1 has already finished"_s.arg(runId)};
        return std::nullopt;
    }
    return run;
}

quint32 DemoStore::createRun(quint16 agent, Micros created)
{
    const quint32 run = m_builder.begin(agent, created, m_builder.plan(agent));
    m_active.push_back(run);
    return run;
}

Result<QString> DemoStore::appendRun(const QString &agentId)
{
    QWriteLocker lock(&m_lock);
    if (m_data.agents.empty())
        return Error{ErrorKind::NotFound, u"the demo dataset has no agents"_s};
    quint16 agent = quint16(m_rng.below(quint32(m_data.agents.size())));
    if (!agentId.isEmpty()) {
        Error error;
        const auto index = agentIndex(agentId, error);
        if (!index)
            return error;
        agent = quint16(*index);
    }
    const quint32 run = createRun(agent, now());
    return QString::fromLatin1(m_data.ids.make(IdKind::Run, run));
}

bool DemoStore::advance(quint32 run, Micros time)
{
    RunRec &record = m_data.runs[run];
    if (!record.steps.empty() && m_data.steps[record.steps.back()].state == StepState::Pending) {
        const quint32 step = record.steps.back();
        m_builder.executeStep(step, m_data.steps[step].start);
        return true;
    }
    if (int(record.steps.size()) >= record.plan.steps)
        return false;
    const Micros last = record.messages.empty() ? time : m_data.messages[record.messages.back()].time + 1000;
    m_builder.step(run, qMax(time, last));
    return true;
}

Status DemoStore::addStep(const QString &runId)
{
    QWriteLocker lock(&m_lock);
    Error error;
    const auto run = activeRun(runId, error);
    if (!run)
        return error;
    if (!advance(*run, now()))
        return Error{ErrorKind::BadRequest, u"run %1 has executed all its planned steps"_s.arg(runId)};
    return success();
}

Status DemoStore::completeRun(const QString &runId, StopReason reason)
{
    QWriteLocker lock(&m_lock);
    Error error;
    const auto run = activeRun(runId, error);
    if (!run)
        return error;
    if (reason == StopReason::None)
        return Error{ErrorKind::BadRequest, u"a finished run needs a stop reason"_s};
    if (reason == StopReason::RequiresApproval && !m_builder.canRequestApproval(*run))
        return Error{ErrorKind::BadRequest, u"run %1 has no tool that needs approval"_s.arg(runId)};
    RunRec &record = m_data.runs[*run];
    record.plan.outcome = reason;
    record.plan.errorSignature = 0xff;
    const auto signatures = errorSignatures();
    for (size_t i = 0; i < signatures.size() && record.plan.errorSignature == 0xff; ++i) {
        if (signatures[i].stopReason == reason)
            record.plan.errorSignature = quint8(i);
    }
    // At least one more step carries the outcome (final answer, error or cancellation).
    record.plan.steps = quint8(qMin<size_t>(qMax<size_t>(record.plan.steps, record.steps.size() + 1), 255));
    const Micros time = now();
    advance(*run, time);
    const Micros last = m_data.messages[record.messages.back()].time + 1000;
    m_builder.complete(*run, qMax(time, last));
    std::erase(m_active, *run);
    return success();
}

Status DemoStore::setAgentSystem(const QString &agentId, const QString &system)
{
    QWriteLocker lock(&m_lock);
    Error error;
    const auto agent = agentIndex(agentId, error);
    if (!agent)
        return error;
    m_data.agents[*agent].system = system;
    m_data.agents[*agent].updated = now();
    return success();
}

Status DemoStore::setAgentModel(const QString &agentId, const QString &modelHandle)
{
    QWriteLocker lock(&m_lock);
    Error error;
    const auto agent = agentIndex(agentId, error);
    if (!agent)
        return error;
    const int model = modelIndex(modelHandle.toStdString());
    if (model < 0)
        return notFound(u"no demo model %1"_s.arg(modelHandle));
    m_data.agents[*agent].model = model;
    m_data.agents[*agent].updated = now();
    return success();
}

Status DemoStore::setAgentTools(const QString &agentId, const QStringList &toolNames)
{
    QWriteLocker lock(&m_lock);
    Error error;
    const auto agent = agentIndex(agentId, error);
    if (!agent)
        return error;
    std::vector<quint16> tools;
    for (const QString &name : toolNames) {
        const int tool = toolIndex(name.toStdString());
        if (tool < 0)
            return notFound(u"no demo tool %1"_s.arg(name));
        tools.push_back(quint16(tool));
    }
    m_data.agents[*agent].tools = std::move(tools);
    m_data.agents[*agent].updated = now();
    return success();
}

Status DemoStore::setBlockValue(const QString &agentId, const QString &label, const QString &value)
{
    QWriteLocker lock(&m_lock);
    Error error;
    const auto agent = agentIndex(agentId, error);
    if (!agent)
        return error;
    for (quint32 block : m_data.agents[*agent].blocks) {
        if (m_data.blocks[block].label == label) {
            m_data.blocks[block].value = value;
            m_data.agents[*agent].updated = now();
            return success();
        }
    }
    return notFound(u"agent %1 has no block labelled %2"_s.arg(agentId, label));
}

LiveTick DemoStore::liveTick()
{
    QWriteLocker lock(&m_lock);
    LiveTick tick;
    const Micros time = now();
    for (quint32 run : std::vector<quint32>(m_active)) {
        RunRec &record = m_data.runs[run];
        // A step starts only once the previous one has finished in wall-clock time.
        if (!record.messages.empty() && m_data.messages[record.messages.back()].time > time)
            continue;
        if (advance(run, time)) {
            ++tick.stepsAdded;
            continue;
        }
        m_builder.finish(run, time);
        std::erase(m_active, run);
        ++tick.runsFinished;
    }
    if (!m_data.agents.empty() && int(m_active.size()) < kMaxActiveRuns && m_rng.chance(0.6)) {
        createRun(quint16(m_rng.below(quint32(m_data.agents.size()))), now());
        ++tick.runsCreated;
    }
    qCDebug(lcDemo) << "live tick:" << tick.runsCreated << "new," << tick.stepsAdded << "steps,"
                    << tick.runsFinished << "finished";
    return tick;
}

} // namespace lettascope::demo
