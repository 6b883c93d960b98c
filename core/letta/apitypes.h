// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Values the REST API returns that have no place in model/entities.h because only the client and
// the sync engine look at them.

namespace lettascope::letta {

/// What GET /v1/health/ says, with the version parsed so callers can pick the 0.x or 1.x code path.
struct ServerInfo {
    QString version;        ///< as reported, e.g. "0.16.8"
    QString status;         ///< "ok" when healthy
    int major = -1;         ///< -1 when the version could not be parsed
    int minor = -1;
    int patch = -1;
    QJsonObject raw;

    bool isKnown() const { return major >= 0; }
    /// True when the version is at least the given one. Unknown versions count as current (1.x)
    /// shapes, which is what Letta Cloud and every server since 0.12 speak.
    bool atLeast(int wantMajor, int wantMinor, int wantPatch = 0) const;
    /// Before 0.12 runs were Job rows: agent_id only in metadata, steps carry job_id, no /metrics.
    bool runsAreJobs() const { return isKnown() && !atLeast(0, 12); }
    /// 0.6.7 renamed internal_monologue/function_call/function_return.
    bool usesLegacyMessageTypes() const { return isKnown() && !atLeast(0, 6, 7); }
    /// /v1/steps/{id}/trace exists from 0.12; older servers answer on /v1/telemetry/{id}.
    bool hasStepTraceRoute() const { return !runsAreJobs(); }
};

/// GET /v1/runs/{id}/usage: the sum over the run's steps.
struct RunUsage {
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<qint64> totalTokens;
    std::optional<qint64> cachedTokens;
    std::optional<qint64> cacheWriteTokens;
    std::optional<qint64> reasoningTokens;
    QJsonObject raw;
};

/// GET /v1/runs/{id}/metrics (0.12+). The reliable source of run durations (letta-api.md §2.2).
struct RunMetrics {
    QString runId;
    QString agentId;
    std::optional<qint64> runStartNs;   ///< Unix epoch ns
    std::optional<qint64> runNs;        ///< duration
    std::optional<qint64> numSteps;
    QStringList toolsUsed;              ///< tool ids
    QJsonObject raw;
};

/// GET /v1/steps/{id}/trace: the raw LLM request and response of one step.
struct ProviderTrace {
    QString id;
    QString stepId;
    QString runId;
    QString agentId;
    QString callType;
    QJsonObject request;
    QJsonObject response;
    std::optional<qint64> createdMs;
    QJsonObject raw;
};

} // namespace lettascope::letta

Q_DECLARE_METATYPE(lettascope::letta::ServerInfo)
Q_DECLARE_METATYPE(lettascope::letta::RunUsage)
Q_DECLARE_METATYPE(lettascope::letta::RunMetrics)
Q_DECLARE_METATYPE(lettascope::letta::ProviderTrace)
