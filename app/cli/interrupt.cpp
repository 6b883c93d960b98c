// SPDX-License-Identifier: MIT
#include "interrupt.h"

#include <QEventLoop>
#include <QTimer>

#include <csignal>

namespace lettascope::cli {

namespace {
std::atomic_bool s_interrupted = false;

void onSignal(int)
{
    s_interrupted = true;
}
} // namespace

void installInterruptHandler()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

const std::atomic_bool &interruptFlag()
{
    return s_interrupted;
}

void quitLoopOnInterrupt(QEventLoop &loop)
{
    auto *poll = new QTimer(&loop);
    QObject::connect(poll, &QTimer::timeout, &loop, [&loop] {
        if (s_interrupted)
            loop.quit();
    });
    poll->start(100);
}

} // namespace lettascope::cli
