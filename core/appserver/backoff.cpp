// SPDX-License-Identifier: MIT
#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace lettascope::appserver {

int Backoff::nextDelayMs()
{
    const double base = std::min(double(m_policy.maxMs), m_policy.initialMs * std::pow(m_policy.factor, m_attempt));
    ++m_attempt;
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * m_policy.jitter;
    return std::max(1, int(std::lround(base * (1.0 + spread))));
}

} // namespace lettascope::appserver
