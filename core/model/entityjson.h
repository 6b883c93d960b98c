// SPDX-License-Identifier: MIT
#pragma once

#include "entities.h"

#include <QJsonArray>

namespace lettascope {

// Lettascope's own canonical JSON for the nested parts of entities. The cache stores these beside the
// server's raw JSON because raw differs per source (REST, App Server, imports), while views and exports
// need one shape. Readers are tolerant: missing keys give empty values.

QJsonArray toolCallsToJson(const QList<ToolCall> &calls);
QList<ToolCall> toolCallsFromJson(const QJsonArray &array);

QJsonArray toolReturnsToJson(const QList<ToolReturn> &returns);
QList<ToolReturn> toolReturnsFromJson(const QJsonArray &array);

QJsonArray memoryBlocksToJson(const QList<MemoryBlock> &blocks);
QList<MemoryBlock> memoryBlocksFromJson(const QJsonArray &array);

QJsonArray toolRefsToJson(const QList<ToolRef> &tools);
QList<ToolRef> toolRefsFromJson(const QJsonArray &array);

} // namespace lettascope
