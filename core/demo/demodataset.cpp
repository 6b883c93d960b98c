// SPDX-License-Identifier: MIT
#include "demodataset.h"

#include "democatalog.h"

namespace lettascope::demo {

qsizetype DemoDataset::count(IdKind kind) const
{
    switch (kind) {
    case IdKind::Agent: return qsizetype(agents.size());
    case IdKind::Run: return qsizetype(runs.size());
    case IdKind::Step: return qsizetype(steps.size());
    case IdKind::Message: return qsizetype(messages.size());
    case IdKind::Job: return qsizetype(jobs.size());
    case IdKind::Tool: return qsizetype(tools.size());
    case IdKind::Block: return qsizetype(blocks.size());
    case IdKind::Source: return qsizetype(folders.size());
    case IdKind::Archive: return qsizetype(archives.size());
    case IdKind::Identity: return qsizetype(identities.size());
    case IdKind::Group: return qsizetype(groups.size());
    case IdKind::Provider: return qsizetype(providers().size());
    case IdKind::McpServer: return qsizetype(mcpServers().size());
    case IdKind::Sandbox: return kSandboxConfigCount;
    case IdKind::ProviderTrace: return qsizetype(steps.size());
    case IdKind::File: return qsizetype(jobs.size());
    }
    return 0;
}

std::optional<quint32> DemoDataset::find(IdKind kind, QStringView id) const
{
    const auto index = ids.decode(kind, id);
    if (!index || qsizetype(*index) >= count(kind))
        return std::nullopt;
    return index;
}

quint32 DemoDataset::appendMessage(const MessageRec &message)
{
    const auto index = quint32(messages.size());
    messages.push_back(message);
    if (message.run != kNone)
        runs[message.run].messages.push_back(index);
    agents[message.agent].messages.push_back(index);
    return index;
}

quint32 DemoDataset::appendStep(const StepRec &step)
{
    const auto index = quint32(steps.size());
    steps.push_back(step);
    runs[step.run].steps.push_back(index);
    return index;
}

qsizetype DemoDataset::memoryEstimate() const
{
    qsizetype bytes = qsizetype(messages.capacity() * sizeof(MessageRec) + steps.capacity() * sizeof(StepRec)
                                + runs.capacity() * sizeof(RunRec));
    for (const auto &run : runs)
        bytes += qsizetype((run.steps.capacity() + run.messages.capacity()) * sizeof(quint32));
    for (const auto &agent : agents)
        bytes += qsizetype(agent.messages.capacity() * sizeof(quint32)) + agent.system.size() * 2;
    return bytes;
}

} // namespace lettascope::demo
