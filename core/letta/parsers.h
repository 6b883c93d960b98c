// SPDX-License-Identifier: MIT
#pragma once

#include "apitypes.h"
#include "common/result.h"
#include "model/entities.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

// Pure JSON → value parsers for both API generations (0.x and 1.x shapes, letta-api.md §9).
// They never throw and never crash on bad input: missing, null or mistyped fields leave the value
// empty; only an element that is not an object, or lacks the id that identifies it, is an Error
// (BadPayload), so a page can skip it and keep the rest. Every value keeps the element in `raw`.

namespace lettascope::letta {

Result<Agent> parseAgent(const QJsonValue &value);
Result<MemoryBlock> parseMemoryBlock(const QJsonValue &value);
Result<Run> parseRun(const QJsonValue &value);
Result<Job> parseJob(const QJsonValue &value);
Result<Step> parseStep(const QJsonValue &value);
Result<StepMetrics> parseStepMetrics(const QJsonValue &value);
Result<RunUsage> parseRunUsage(const QJsonValue &value);
Result<RunMetrics> parseRunMetrics(const QJsonValue &value);
/// null (tracing off, or lookup failed on the server) is a valid answer: nullopt.
Result<std::optional<ProviderTrace>> parseProviderTrace(const QJsonValue &value);
Result<ServerInfo> parseServerInfo(const QJsonValue &value);
Result<Resource> parseResource(ResourceKind kind, const QJsonValue &value);

/// One LettaMessage (any message_type, current or 0.x names; unknown types become kind Unknown).
Result<Message> parseLettaMessage(const QJsonValue &value);

/// One list element: a LettaMessage, or an internal role-based message (0.x Step.messages,
/// msg_object=true), which expands into several entries sharing its id.
Result<QList<Message>> parseMessageItem(const QJsonValue &value);

/// Parses "0.16.8", "v1.2", "0.11.7.dev3", "1.0.0a2" into numbers; -1 where unreadable.
void parseVersion(const QString &version, int *major, int *minor, int *patch);

} // namespace lettascope::letta
