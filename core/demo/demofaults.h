// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "demorandom.h"

#include <QList>
#include <QMutex>
#include <QString>

#include <optional>
#include <vector>

namespace lettascope::demo {

enum class FaultKind {
    Latency,            ///< answer later (other connections are not blocked)
    RateLimit,          ///< 429 with Retry-After
    ServerError,        ///< 500, 502 (an HTML page from the proxy) or 503
    Unauthorized,       ///< 401 {"detail":"Unauthorized"}
    TruncatedBody,      ///< Content-Length larger than the bytes sent, then the connection closes
    MalformedJson,      ///< a 200 whose body is not valid JSON
    UnknownMessageType, ///< message lists gain a "hologram_message" entry
    HugeMessage,        ///< message lists gain one assistant_message with 10 MB of content
    BadRequestOrder,    ///< 400 "Argument order does not match type …", as /v1/steps/ answers on 0.12–0.16
};

/// One fault-injection rule. It matches requests whose path starts with `pathPrefix` (all when empty)
/// and applies to the first `firstN` of them, or to each with `probability` (seeded).
struct FaultRule {
    FaultKind kind = FaultKind::ServerError;
    QString pathPrefix;
    bool exactPath = false;     ///< only pathPrefix itself (with or without its trailing slash)
    int firstN = -1;            ///< -1: no count limit
    double probability = 1.0;
    int status = 500;           ///< ServerError only
    int latencyMs = 500;        ///< Latency only
    int retryAfterSeconds = 1;  ///< RateLimit only

    /// Parses the CLI form KIND[:key=value,…], e.g. "429:path=/v1/runs/,first=2,retry-after=3",
    /// "latency:ms=800,p=0.5", "502", "truncate:path=/v1/messages/". Kinds: latency, 429, 500, 502,
    /// 503, 401, truncate, malformed, unknown-type, huge-message, steps-400. Keys: path, first, p,
    /// ms, retry-after.
    static Result<FaultRule> parse(QStringView spec);
};

/// What to do with one request.
struct FaultDecision {
    int delayMs = 0;
    std::optional<FaultRule> action; ///< the first matching rule that changes the response
};

/// Thread-safe set of fault rules; tests change it while the server runs on another thread.
class DemoFaults final
{
public:
    explicit DemoFaults(quint64 seed = 42) : m_seed(seed) { }
    Q_DISABLE_COPY_MOVE(DemoFaults)

    void add(const FaultRule &rule);
    void clear();
    QList<FaultRule> rules() const;
    /// Consumes the matching rules' counters. `messageList` says whether the response is a list of
    /// LettaMessages (the only target of UnknownMessageType and HugeMessage).
    FaultDecision decide(QStringView path, bool messageList);

private:
    struct Active {
        FaultRule rule;
        int applied = 0;
        DemoRandom rng;
    };

    mutable QMutex m_mutex;
    std::vector<Active> m_rules;
    quint64 m_seed;
};

} // namespace lettascope::demo
