// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>

namespace lettascope::trajectories {

/**
 * Spaces requests to one endpoint at most `perSecond` apart on average, allowing a burst of `burst`.
 * acquire() blocks the calling worker until its slot comes (or the cancel flag is raised) and is safe to
 * call from many threads; slots are handed out in call order.
 */
class RateLimiter
{
public:
    explicit RateLimiter(double perSecond, int burst = 1);
    /// false when cancelled before the slot came (the slot is then wasted, which errs on the safe side).
    bool acquire(const std::atomic_bool *cancel = nullptr);

private:
    using Clock = std::chrono::steady_clock;
    std::mutex m_mutex;
    Clock::duration m_interval;
    Clock::duration m_burstWindow;
    Clock::time_point m_next;
};

} // namespace lettascope::trajectories
