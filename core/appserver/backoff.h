// SPDX-License-Identifier: MIT
#pragma once

namespace lettascope::appserver {

struct BackoffPolicy {
    int initialMs = 500;
    int maxMs = 30000;
    double factor = 2.0;
    double jitter = 0.2;    ///< each delay varies by ±jitter so many clients do not reconnect in step
};

/// Reconnect delays: initial, growing by `factor` up to `max`, back to initial after reset().
class Backoff
{
public:
    explicit Backoff(BackoffPolicy policy = {}) : m_policy(policy) { }

    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    BackoffPolicy m_policy;
    int m_attempt = 0;
};

} // namespace lettascope::appserver
