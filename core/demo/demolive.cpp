// SPDX-License-Identifier: MIT
#include "demolive.h"

namespace lettascope::demo {

DemoLive::DemoLive(std::shared_ptr<DemoStore> store, QObject *parent) : QObject(parent), m_store(std::move(store))
{
    connect(&m_timer, &QTimer::timeout, this, [this] { Q_EMIT ticked(m_store->liveTick()); });
}

void DemoLive::start(int intervalMs)
{
    m_timer.start(qMax(10, intervalMs));
}

void DemoLive::stop()
{
    m_timer.stop();
}

} // namespace lettascope::demo
