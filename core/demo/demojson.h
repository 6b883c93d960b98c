// SPDX-License-Identifier: MIT
#pragma once

#include "democontent.h"
#include "demodataset.h"
#include "demojsonwriter.h"

// Serialisers from dataset records to the Letta wire shapes (tests/fixtures/letta-openapi, field
// order as pydantic emits it). Pure functions of the dataset: no HTTP, no paging.

namespace lettascope::demo::json {

/// Which AgentState relationships to fill; the rest stay empty arrays / null (letta-api.md §2.1).
struct AgentInclude {
    bool blocks = false;
    bool tools = false;
    bool tags = false;
    bool identities = false;
    bool sources = false;
    bool managedGroup = false;
    bool pendingApproval = false;
    bool secrets = false;
    static AgentInclude all();
};

void writeLlmConfig(JsonWriter &out, int model);
void writeEmbeddingConfig(JsonWriter &out, int embedding);
void writeAgent(JsonWriter &out, const DemoDataset &data, quint32 agent, const AgentInclude &include);
void writeBlock(JsonWriter &out, const DemoDataset &data, quint32 block);
void writeTool(JsonWriter &out, const DemoDataset &data, quint32 tool);
void writeIdentity(JsonWriter &out, const DemoDataset &data, quint32 identity);
void writeGroup(JsonWriter &out, const DemoDataset &data, quint32 group);

/// `listView`: GET /v1/runs/ fills total_duration_ns from run metrics; the single GET shows the stored
/// column, which may be null (§2.2).
void writeRun(JsonWriter &out, const DemoDataset &data, quint32 run, bool listView);
void writeRunMetrics(JsonWriter &out, const DemoDataset &data, quint32 run);
void writeRunUsage(JsonWriter &out, const DemoDataset &data, quint32 run);
void writeStep(JsonWriter &out, const DemoDataset &data, quint32 step);
void writeStepMetrics(JsonWriter &out, const DemoDataset &data, quint32 step);
/// A ProviderTrace, or null for steps without one.
void writeProviderTrace(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 step);
void writeJob(JsonWriter &out, const DemoDataset &data, quint32 job);

/// Number of LettaMessages one stored message expands into (§2.4): reasoning + tool call, etc.
int lettaMessageCount(const MessageRec &message);
/// message_type of one of those LettaMessages.
const char *lettaMessageType(const MessageRec &message, int part);
/// One of those LettaMessages (part < lettaMessageCount), as a JSON object.
void writeLettaMessage(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 message, int part);
/// All of them, as consecutive array elements.
void writeLettaMessages(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 message);

void writeFolder(JsonWriter &out, const DemoDataset &data, quint32 folder);
void writeArchive(JsonWriter &out, const DemoDataset &data, quint32 archive);
void writeMcpServer(JsonWriter &out, const DemoDataset &data, quint32 server);
void writeModel(JsonWriter &out, int model);
void writeEmbeddingModel(JsonWriter &out, int embedding);
void writeProvider(JsonWriter &out, const DemoDataset &data, quint32 provider);
void writeSandboxConfig(JsonWriter &out, const DemoDataset &data, quint32 sandbox);

/// created_by_id / last_updated_by_id of everything: the self-hosted default user.
constexpr const char *kDefaultUser = "user-00000000-0000-4000-8000-000000000000";
constexpr const char *kDefaultOrg = "org-00000000-0000-4000-8000-000000000000";

// Small helpers shared by the serialisers.
void idField(JsonWriter &out, std::string_view name, const DemoDataset &data, IdKind kind, quint32 index);
void timeField(JsonWriter &out, std::string_view name, Micros time);      ///< "…Z", null when 0
void naiveTimeField(JsonWriter &out, std::string_view name, Micros time); ///< no offset, null when 0

} // namespace lettascope::demo::json
