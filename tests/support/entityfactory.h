// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

namespace testsupport {

// Small, explicit builders for store and sync tests: each returns an entity with just the fields a
// test states, plus a raw object that mirrors them (the store detects changes through raw).

lettascope::Agent makeAgent(const QString &id, const QString &name, const QString &model = QStringLiteral("openai/gpt-4o-mini"));
lettascope::Run makeRun(const QString &id, const QString &agentId, lettascope::RunStatus status, qint64 createdMs,
                        const QString &stopReason = {});
lettascope::Step makeStep(const QString &id, const QString &runId, std::optional<qint64> promptTokens,
                          std::optional<qint64> completionTokens);
lettascope::Message makeText(const QString &id, const QString &type, const QString &runId, const QString &text,
                             qint64 dateMs, const QString &otid = {});
lettascope::Message makeToolCall(const QString &id, const QString &runId, const QString &tool, const QString &args,
                                 qint64 dateMs, const QString &otid = {});
lettascope::Message makeToolReturn(const QString &id, const QString &runId, const QString &status,
                                   const QString &text, qint64 dateMs);

} // namespace testsupport
