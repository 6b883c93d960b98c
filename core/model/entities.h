// SPDX-License-Identifier: MIT
#pragma once

#include "runstatus.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Value types for everything a Letta server (or an App Server, or an import) tells us. They cross
// threads by value. Every entity keeps the server's JSON in `raw`, so fields the app does not know yet
// survive in the cache and a re-parse needs no re-download. Optional fields stay empty when the source
// does not have them, so the UI can say "not reported" instead of showing zero.

namespace lettascope {

struct MemoryBlock {
    QString id;
    QString label;
    QString value;
    QString description;
    std::optional<qint64> limit;
};

struct ToolRef {
    QString id;
    QString name;
    QString toolType;
    QString description;
};

struct Agent {
    QString id;
    QString name;
    QString description;
    QString agentType;
    QString model;          ///< handle ("provider/model") or llm_config.model
    QString embeddingModel;
    QString system;         ///< the system prompt
    QStringList tags;
    QList<MemoryBlock> blocks;
    QList<ToolRef> tools;
    QStringList identityIds;
    QJsonObject llmConfig;
    QJsonObject embeddingConfig;
    std::optional<qint64> createdMs;
    std::optional<qint64> updatedMs;
    std::optional<qint64> lastRunCompletionMs;
    std::optional<qint64> lastRunDurationMs;
    QString lastStopReason;
    QJsonObject raw;
};

struct Run {
    QString id;
    QString agentId;
    QString conversationId;
    RunStatus status = RunStatus::Unknown;
    QString statusText;     ///< as the server spelled it
    QString stopReason;
    std::optional<qint64> createdMs;
    std::optional<qint64> completedMs;
    std::optional<qint64> totalDurationNs;
    std::optional<qint64> ttftNs;
    bool background = false;
    QString runType;        ///< metadata.run_type (metadata.job_type on 0.x)
    QString errorText;      ///< metadata.error on failures
    bool reconstructed = false; ///< inferred from history (App Server) rather than reported by the server
    QJsonObject raw;
};

struct StepMetrics {
    std::optional<qint64> stepStartNs;       ///< Unix epoch ns
    std::optional<qint64> llmRequestStartNs; ///< Unix epoch ns
    std::optional<qint64> llmRequestNs;      ///< duration
    std::optional<qint64> toolExecutionNs;   ///< duration
    std::optional<qint64> stepNs;            ///< duration
    QJsonObject raw;
};

struct Step {
    QString id;
    QString runId;
    QString agentId;
    /// Position within its run, 0-based, in execution order; -1 when the source does not say, in which
    /// case the store numbers steps in the order they arrive (servers list steps oldest first).
    int ordinal = -1;
    QString model;
    QString modelHandle;
    QString providerName;
    QString status;         ///< pending|success|failed|cancelled, or empty when not reported
    QString stopReason;
    QString errorType;
    QString errorText;      ///< error_data flattened to text
    QString traceId;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<qint64> totalTokens;
    std::optional<qint64> cachedTokens;
    std::optional<qint64> cacheWriteTokens;
    std::optional<qint64> reasoningTokens;
    std::optional<StepMetrics> metrics;
    bool reconstructed = false;
    QJsonObject raw;
};

enum class MessageKind {
    System,
    User,
    Assistant,
    Reasoning,
    HiddenReasoning,
    ToolCall,
    ToolReturn,
    ApprovalRequest,
    ApprovalResponse,
    Summary,
    Event,
    Error,      ///< error_message / loop errors recorded from a live stream
    Unknown,    ///< a message_type this build does not know; kept raw
};

MessageKind messageKindFromType(QStringView messageType);
QString messageKindLabel(MessageKind kind);

struct ToolCall {
    QString id;
    QString name;
    QString arguments;      ///< JSON text, as the model produced it (may be invalid JSON)
};

struct ToolReturn {
    QString toolCallId;
    QString status;         ///< success|error
    QString text;
    QStringList stdoutLines;
    QStringList stderrLines;
};

struct Message {
    QString id;             ///< stored message id; shared by the entries one stored message expands into
    QString messageType;    ///< the server's discriminator, verbatim
    MessageKind kind = MessageKind::Unknown;
    QString otid;           ///< empty when absent; part of the key
    QString runId;
    QString stepId;
    QString agentId;
    QString conversationId;
    std::optional<qint64> dateMs;
    qint64 sequence = 0;    ///< order in the source; ties on date are broken by it
    QString name;
    QString senderId;
    bool isError = false;
    QString text;           ///< content, reasoning, summary or event text, flattened
    QList<ToolCall> toolCalls;
    QList<ToolReturn> toolReturns;
    std::optional<bool> approved;   ///< approval responses
    QString approvalReason;
    QJsonObject raw;
};

struct Job {
    QString id;
    QString status;
    QString jobType;
    QString agentId;
    QString stopReason;
    QString errorText;
    std::optional<qint64> createdMs;
    std::optional<qint64> updatedMs;
    std::optional<qint64> completedMs;
    QJsonObject metadata;
    QJsonObject raw;
};

/// The server's other resources, listed in Settings: one shape, told apart by kind.
enum class ResourceKind {
    Tool,
    Block,
    McpServer,
    Folder,
    Archive,
    Identity,
    LlmModel,
    EmbeddingModel,
    Provider,
    Group,
    SandboxConfig,
};

QString resourceKindKey(ResourceKind kind);          ///< stable key used in the cache ("tool", "mcp_server", …)
std::optional<ResourceKind> resourceKindFromKey(QStringView key);
QString resourceKindTitle(ResourceKind kind);        ///< for people ("MCP servers")
inline constexpr int ResourceKindCount = int(ResourceKind::SandboxConfig) + 1;

struct Resource {
    ResourceKind kind = ResourceKind::Tool;
    QString id;             ///< server id, or the handle/name for resources without one (models)
    QString name;
    QString summary;        ///< one line: type, provider, dimensions …
    QJsonObject raw;
};

} // namespace lettascope

Q_DECLARE_METATYPE(lettascope::Agent)
Q_DECLARE_METATYPE(lettascope::Run)
Q_DECLARE_METATYPE(lettascope::Step)
Q_DECLARE_METATYPE(lettascope::Message)
Q_DECLARE_METATYPE(lettascope::Job)
Q_DECLARE_METATYPE(lettascope::Resource)
