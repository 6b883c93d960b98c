// SPDX-License-Identifier: MIT
#include "demoarchetypes.h"
#include "democatalog.h"
#include "demogenerator.h"
#include "demothemes.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace lettascope::demo::detail {

namespace {

constexpr Micros kMinute = 60 * kMicrosPerSecond;

int findAgent(const DemoDataset &data, const char *archetypeName)
{
    const auto all = archetypes();
    for (size_t i = 0; i < data.agents.size(); ++i) {
        if (std::strcmp(all[data.agents[i].archetype].name, archetypeName) == 0)
            return int(i);
    }
    return -1;
}

quint32 addBlock(DemoDataset &data, QString label, QString value, QString description, Micros created, int agent)
{
    BlockRec block;
    block.label = std::move(label);
    block.value = std::move(value);
    block.description = std::move(description);
    block.limit = block.label == u"persona" || block.label == u"human" ? 5000 : 20000;
    block.created = created;
    if (agent >= 0)
        block.agents.push_back(quint16(agent));
    data.blocks.push_back(std::move(block));
    return quint32(data.blocks.size() - 1);
}

void attachTool(AgentRec &agent, const char *name)
{
    const int index = toolIndex(name);
    if (index >= 0 && std::find(agent.tools.begin(), agent.tools.end(), quint16(index)) == agent.tools.end())
        agent.tools.push_back(quint16(index));
}

void addAgent(DemoDataset &data, DemoRandom &rng, int number)
{
    const auto all = archetypes();
    const ArchetypeSpec &spec = all[size_t(number) % all.size()];
    const int copy = number / int(all.size());
    AgentRec agent;
    agent.archetype = number % int(all.size());
    agent.name = QString::fromUtf8(spec.name) + (copy > 0 ? u"-%1"_s.arg(copy + 1) : QString());
    agent.description = QString::fromUtf8(spec.description);
    agent.system = agent.initialSystem = QString::fromUtf8(spec.system);
    agent.agentType = spec.agentType;
    agent.model = modelIndex(spec.model);
    agent.altModel = spec.altModel ? modelIndex(spec.altModel) : -1;
    agent.embedding = embeddingIndex(spec.embedding);
    agent.themes[0] = themeIndex(spec.themes[0]);
    agent.themes[1] = spec.themes[1] ? themeIndex(spec.themes[1]) : -1;
    for (const auto &name : QString::fromUtf8(spec.coreTools).split(u','))
        attachTool(agent, name.toUtf8().constData());
    for (int theme : agent.themes) {
        if (theme < 0)
            continue;
        for (const char *name : themes()[theme].tools)
            attachTool(agent, name);
    }
    agent.tags = QString::fromUtf8(spec.tags).split(u',');
    if (copy > 0)
        agent.tags << u"replica"_s;
    const int historyDays = qMax(1, data.config.historyDays);
    agent.created = data.anchor - qint64(historyDays + 3 + rng.range(0, 25)) * kMicrosPerDay
        + rng.range64(0, kMicrosPerDay);
    agent.updated = agent.created + qint64(rng.range(1, 10)) * kMicrosPerDay + rng.range64(0, kMicrosPerDay);
    const auto index = int(data.agents.size());
    agent.blocks.push_back(addBlock(data, u"persona"_s, QString::fromUtf8(spec.persona),
                                    u"The persona block: stores details about your current persona, guiding how you behave and respond."_s,
                                    agent.created, index));
    agent.blocks.push_back(addBlock(data, u"human"_s, QString::fromUtf8(spec.human),
                                    u"The human block: stores key details about the person you are conversing with."_s,
                                    agent.created, index));
    agent.blocks.push_back(addBlock(data, QString::fromUtf8(spec.customLabel), QString::fromUtf8(spec.customValue),
                                    QString::fromUtf8(spec.customDescription), agent.created, index));
    data.agents.push_back(std::move(agent));

    // Every agent's history starts with its system prompt (and memgpt's login packet), outside any run.
    MessageRec system;
    system.time = data.agents.back().created;
    system.agent = quint16(index);
    system.kind = MessageKind::System;
    system.seed = rng.next32();
    data.appendMessage(system);
    if (packagesUserJson(spec.agentType)) {
        MessageRec login = system;
        login.kind = MessageKind::Login;
        login.time += kMicrosPerSecond;
        data.appendMessage(login);
    }
}

void addIdentity(DemoDataset &data, const char *key, const char *name, const char *type, const char *plan,
                 std::initializer_list<const char *> agentNames)
{
    IdentityRec identity;
    identity.identifierKey = QString::fromUtf8(key);
    identity.name = QString::fromUtf8(name);
    identity.type = type;
    identity.plan = QString::fromUtf8(plan);
    const auto index = quint16(data.identities.size());
    for (const char *agentName : agentNames) {
        const int agent = findAgent(data, agentName);
        if (agent < 0)
            continue;
        identity.agents.push_back(quint16(agent));
        data.agents[agent].identities.push_back(index);
        if (std::strcmp(type, "user") == 0)
            identity.blocks.push_back(data.agents[agent].blocks[1]);
    }
    data.identities.push_back(std::move(identity));
}

void addGroup(DemoDataset &data, const char *type, const char *description, const char *manager,
              std::initializer_list<const char *> members, int frequency = 0)
{
    GroupRec group;
    group.managerType = type;
    group.description = QString::fromUtf8(description);
    group.managerAgent = manager ? findAgent(data, manager) : -1;
    group.frequency = frequency;
    for (const char *member : members) {
        const int agent = findAgent(data, member);
        if (agent >= 0)
            group.agents.push_back(quint16(agent));
    }
    if (group.agents.empty() || (manager && group.managerAgent < 0))
        return;
    group.created = data.agents[group.agents.front()].created + kMinute;
    const int index = int(data.groups.size());
    for (quint16 agent : group.agents)
        data.agents[agent].group = index;
    if (group.managerAgent >= 0)
        data.agents[group.managerAgent].group = index;
    data.groups.push_back(std::move(group));
}

void addFolder(DemoDataset &data, DemoRandom &rng, const char *name, const char *description,
               std::initializer_list<const char *> agentNames)
{
    FolderRec folder;
    folder.name = QString::fromUtf8(name);
    folder.description = QString::fromUtf8(description);
    folder.instructions = u"Use these files when the user asks about %1."_s.arg(folder.name);
    folder.embedding = 0;
    folder.created = data.anchor - qint64(qMax(1, data.config.historyDays) + rng.range(1, 20)) * kMicrosPerDay;
    folder.updated = folder.created + qint64(rng.range(1, 40)) * kMicrosPerDay;
    for (const char *agentName : agentNames) {
        const int agent = findAgent(data, agentName);
        if (agent >= 0)
            folder.agents.push_back(quint16(agent));
    }
    data.folders.push_back(std::move(folder));
}

void addJobs(DemoDataset &data, DemoRandom &rng)
{
    static constexpr const char *files[] = {"handbook.pdf", "faq.md", "pricing-2025.csv", "architecture.md",
                                            "onboarding.docx", "incident-42.md", "paper-rag-survey.pdf",
                                            "release-notes.md", "api-reference.html", "glossary.txt"};
    const int historyDays = qMax(1, data.config.historyDays);
    for (size_t folder = 0; folder < data.folders.size(); ++folder) {
        const int count = 4 + rng.range(0, 8);
        for (int i = 0; i < count; ++i) {
            JobRec job;
            job.folder = quint16(folder);
            job.seed = rng.next32();
            job.fileName = QString::fromUtf8(files[rng.below(std::size(files))]);
            job.created = data.anchor - rng.range64(kMinute, qint64(historyDays) * kMicrosPerDay);
            static constexpr int weights[] = {82, 12, 3, 3};
            static constexpr JobState states[] = {JobState::Completed, JobState::Failed, JobState::Cancelled,
                                                  JobState::Expired};
            job.state = states[rng.weighted(weights)];
            job.completed = job.created + rng.range64(2 * kMicrosPerSecond, 5 * kMinute);
            data.jobs.push_back(job);
        }
    }
    std::sort(data.jobs.begin(), data.jobs.end(), [](const JobRec &a, const JobRec &b) { return a.created < b.created; });
    // The newest ingestion jobs are still in flight.
    static constexpr JobState active[] = {JobState::Running, JobState::Pending, JobState::Created};
    for (size_t i = 0; i < std::size(active) && i < data.jobs.size(); ++i) {
        JobRec &job = data.jobs[data.jobs.size() - 1 - i];
        job.state = active[i];
        job.completed = 0;
    }
}

} // namespace

void generateResources(DemoDataset &data, DemoRandom &rng)
{
    const Micros base = data.anchor - qint64(qMax(1, data.config.historyDays) + 40) * kMicrosPerDay;
    const auto catalog = tools();
    for (size_t i = 0; i < catalog.size(); ++i)
        data.tools.push_back({int(i), base + qint64(i) * 7 * kMinute});
    for (int i = 0; i < data.config.agents; ++i)
        addAgent(data, rng, i);

    if (data.agents.size() >= 2) {
        const quint32 shared = addBlock(data, u"company_facts"_s,
                                        u"Acme Corp, 240 employees, HQ in Berlin. Fiscal year = calendar year. Support hours 8-18 CET."_s,
                                        u"Facts shared by all company agents."_s, base, -1);
        for (size_t i = 0; i < qMin<size_t>(3, data.agents.size()); ++i) {
            data.blocks[shared].agents.push_back(quint16(i));
            data.agents[i].blocks.push_back(shared);
        }
        data.blocks[shared].readOnly = true;
    }

    addIdentity(data, "alice@acme.io", "Alice Martin", "user", "pro", {"calendar-butler", "support-concierge"});
    addIdentity(data, "bob@acme.io", "Bob Chen", "user", "free", {"data-analyst"});
    addIdentity(data, "acme-corp", "Acme Corp", "org", "enterprise",
                {"research-assistant", "code-doctor", "incident-commander"});
    addIdentity(data, "ci-bot", "CI bot", "other", "internal", {"code-doctor"});
    addIdentity(data, "customer-4711", "Dana Weiss", "user", "free", {"support-concierge"});

    addGroup(data, "sleeptime", "Sleep-time memory management for the research assistant.", "research-assistant",
             {"memory-gardener"}, 5);
    addGroup(data, "round_robin", "Writers' room: drafts rotate between the writing agents.", nullptr,
             {"copy-editor", "research-assistant"});
    addGroup(data, "supervisor", "Incident response: the commander delegates debugging to the code doctor.",
             "incident-commander", {"code-doctor"});

    addFolder(data, rng, "product-docs", "Product documentation and release notes.", {"support-concierge", "copy-editor"});
    addFolder(data, rng, "support-kb", "Help-center articles and macros.", {"support-concierge"});
    addFolder(data, rng, "research-papers", "PDFs of papers the research assistant has read.", {"research-assistant"});
    addFolder(data, rng, "runbooks", "Operations runbooks and post-incident reviews.", {"incident-commander", "code-doctor"});
    addJobs(data, rng);

    const int archiveTool = toolIndex("archival_memory_search");
    for (size_t i = 0; i < data.agents.size(); ++i) {
        const AgentRec &agent = data.agents[i];
        if (std::find(agent.tools.begin(), agent.tools.end(), quint16(archiveTool)) == agent.tools.end())
            continue;
        ArchiveRec archive;
        archive.name = agent.name + u"-archive"_s;
        archive.description = u"Archival memory of %1."_s.arg(agent.name);
        archive.embedding = agent.embedding;
        archive.agent = int(i);
        archive.created = agent.created + kMinute;
        archive.updated = agent.updated;
        data.archives.push_back(std::move(archive));
    }
}

} // namespace lettascope::demo::detail
