// SPDX-License-Identifier: MIT
#include "ratelimiter.h"

#include <algorithm>
#include <thread>

namespace lettascope::trajectories {

RateLimiter::RateLimiter(double perSecond, int burst)
    : m_interval(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / std::max(perSecond, 1e-3))))
    , m_burstWindow(m_interval * std::max(0, burst - 1))
    , m_next(Clock::now())
{
}

bool RateLimiter::acquire(const std::atomic_bool *cancel)
{
    Clock::time_point slot;
    {
        std::lock_guard lock(m_mutex);
        // Unused capacity accumulates up to the burst, never more.
        slot = std::max(m_next, Clock::now() - m_burstWindow);
        m_next = slot + m_interval;
    }
    // Sleep in short steps so a cancel (pause, shutdown) is noticed promptly.
    while (Clock::now() < slot) {
        if (cancel && cancel->load())
            return false;
        std::this_thread::sleep_for(std::min<Clock::duration>(slot - Clock::now(), std::chrono::milliseconds(50)));
    }
    return !(cancel && cancel->load());
}

} // namespace lettascope::trajectories
