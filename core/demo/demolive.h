// SPDX-License-Identifier: MIT
#pragma once

#include "demostore.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace lettascope::demo {

/// Live mode: a timer keeps the dataset moving (new runs, steps of running runs, terminal states),
/// all visible through the ordinary endpoints. Lives on the server's thread.
class DemoLive final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoLive)

public:
    explicit DemoLive(std::shared_ptr<DemoStore> store, QObject *parent = nullptr);

    void start(int intervalMs);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

Q_SIGNALS:
    void ticked(const lettascope::demo::LiveTick &tick);

private:
    std::shared_ptr<DemoStore> m_store;
    QTimer m_timer;
};

} // namespace lettascope::demo
