// SPDX-License-Identifier: MIT
#pragma once

#include "democonfig.h"
#include "demoenums.h"
#include "demoids.h"
#include "demotime.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The demo dataset: compact records with indices into each other and into the static catalogs.
// Text (messages, tool arguments, returns) is not stored; demojson derives it from each record's
// seed when serialising, which keeps 10,000 runs / 200,000 messages in a few tens of megabytes.
// Index order is creation order everywhere (runs by created_at, steps by start, messages by
// sequence), so list endpoints are index ranges and cursors are index comparisons.

namespace lettascope::demo {

constexpr quint32 kNone = 0xffffffffU;
/// Sandbox configs are fixed: local, e2b, modal.
constexpr int kSandboxConfigCount = 3;

namespace MessageFlag {
enum : quint8 {
    Reasoning = 1,        ///< a reasoning_message precedes the main entry
    HiddenReasoning = 2,  ///< a hidden_reasoning_message precedes it instead
    ToolError = 4,        ///< tool return status "error"
    Denied = 8,           ///< approval denied (with a reason)
    Output = 16,          ///< tool return carries stdout/stderr
    ReasonerSource = 32,  ///< reasoning came from a reasoner model (source + signature)
    ContentParts = 64,    ///< content as [TextContent] instead of a plain string
    NoStep = 128,         ///< step_id null although the message belongs to a run
};
}

struct MessageRec {
    Micros time = 0;
    quint32 run = kNone;      ///< kNone for agent-level messages (initial system prompt, login)
    quint32 step = kNone;
    quint32 linked = kNone;   ///< ToolReturn → its ToolCall/ApprovalRequest; ApprovalResponse → request
    quint32 seed = 0;
    quint16 agent = 0;
    MessageKind kind = MessageKind::User;
    quint8 flags = 0;
    quint8 tools[3] = {0, 0, 0}; ///< catalog tool indices of the calls
    quint8 calls = 0;
    quint8 ordinal = 0;       ///< step ordinal within the run, for wording
    quint8 variant = 0;       ///< 1 = the call retries after a tool error
};

struct StepRec {
    Micros start = 0;         ///< step_start_ns / 1000; also the internal created_at
    qint64 llmDelayNs = 0;    ///< llm_request_start_ns - step_start_ns
    qint64 llmNs = -1;        ///< -1 while pending
    qint64 toolNs = -1;
    qint64 stepNs = -1;
    quint32 run = 0;
    quint32 seed = 0;
    qint32 promptTokens = -1; ///< -1 = null
    qint32 completionTokens = -1;
    qint32 cachedTokens = -1;
    qint32 cacheWriteTokens = -1;
    qint32 reasoningTokens = -1;
    quint16 agent = 0;
    quint8 model = 0;
    quint8 ordinal = 0;
    StepState state = StepState::Pending;
    StopReason stopReason = StopReason::None;
    quint8 errorSignature = 0xff;
    quint8 feedback = 0;      ///< 0 none, 1 positive, 2 negative
    bool providerTrace = false;
};

/// What a run will do; live mode executes it step by step.
struct RunPlan {
    quint8 steps = 1;
    StopReason outcome = StopReason::EndTurn;
    quint8 errorSignature = 0xff;
    bool approvalContinuation = false; ///< starts with an approval response to the agent's pending request
};

struct RunRec {
    Micros created = 0;
    Micros completed = 0;     ///< 0 = null
    qint64 durationNs = -1;
    qint64 ttftNs = -1;
    quint32 seed = 0;
    quint16 agent = 0;
    quint8 theme = 0;
    quint8 task = 0;
    quint8 subject = 0;
    RunState state = RunState::Created;
    StopReason stopReason = StopReason::None;
    RunType runType = RunType::SendMessage;
    RunPlan plan;
    bool background = false;
    bool storesDuration = true; ///< the single-run GET shows total_duration_ns (else null, as real servers may)
    bool traced = true;         ///< steps carry a trace_id
    std::vector<quint32> steps;
    std::vector<quint32> messages;
};

struct AgentRec {
    int archetype = 0;
    QString name;
    QString description;
    QString system;
    QString initialSystem;
    const char *agentType = "";
    int model = 0;
    int altModel = -1;
    int embedding = 0;
    int themes[2] = {0, -1};
    std::vector<quint16> tools;
    std::vector<quint32> blocks;
    std::vector<quint16> identities;
    QStringList tags;
    Micros created = 0;
    Micros updated = 0;
    Micros lastRunCompletion = 0;
    qint64 lastRunDurationMs = -1;
    StopReason lastStopReason = StopReason::None;
    quint32 pendingApproval = kNone; ///< message index of an unanswered approval request
    int group = -1;
    std::vector<quint32> messages;
};

struct BlockRec {
    QString label;
    QString value;
    QString description;
    int limit = 5000;
    bool readOnly = false;
    Micros created = 0;
    std::vector<quint16> agents;
};

struct IdentityRec {
    QString identifierKey;
    QString name;
    const char *type = "user";
    std::vector<quint16> agents;
    std::vector<quint32> blocks;
    QString plan;
    Micros created = 0;
};

struct GroupRec {
    const char *managerType = "round_robin";
    QString description;
    std::vector<quint16> agents;
    int managerAgent = -1;
    int frequency = 0;
    Micros created = 0;
};

struct FolderRec {
    QString name;
    QString description;
    QString instructions;
    int embedding = 0;
    Micros created = 0;
    Micros updated = 0;
    std::vector<quint16> agents;
};

struct ArchiveRec {
    QString name;
    QString description;
    int embedding = 0;
    int agent = -1;
    Micros created = 0;
    Micros updated = 0;
};

struct JobRec {
    Micros created = 0;
    Micros completed = 0;
    JobState state = JobState::Completed;
    quint16 folder = 0;
    quint32 seed = 0;
    QString fileName;
};

struct ToolRec {
    int catalog = 0;
    Micros created = 0;
};

struct DemoDataset {
    DemoConfig config;
    DemoIds ids;
    Micros anchor = 0;

    std::vector<AgentRec> agents;
    std::vector<RunRec> runs;
    std::vector<StepRec> steps;
    std::vector<MessageRec> messages;
    std::vector<ToolRec> tools;
    std::vector<BlockRec> blocks;
    std::vector<IdentityRec> identities;
    std::vector<GroupRec> groups;
    std::vector<FolderRec> folders;
    std::vector<ArchiveRec> archives;
    std::vector<JobRec> jobs;

    /// Index of an entity from its id text, or nullopt (malformed, foreign or out of range).
    std::optional<quint32> find(IdKind kind, QStringView id) const;
    qsizetype count(IdKind kind) const;

    /// Appends keep every index list in creation order; live mode and tests rely on it.
    quint32 appendMessage(const MessageRec &message);
    quint32 appendStep(const StepRec &step);
    /// Rough heap footprint in bytes, for the benchmark.
    qsizetype memoryEstimate() const;
};

} // namespace lettascope::demo
