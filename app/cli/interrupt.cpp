// SPDX-License-Identifier: MIT
#include "interrupt.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace lettascope::cli {

namespace {

std::atomic_bool s_interrupted = false;
int s_pipe[2] = {-1, -1};

void onSignal(int)
{
    s_interrupted = true;
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
}

/// Wakes the main event loop on the pipe. One for the process: each subscriber connects to it.
QSocketNotifier *wakeup()
{
    static QSocketNotifier *notifier = [] {
        auto *n = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read);
        // Connected first, so it drains before any subscriber runs.
        QObject::connect(n, &QSocketNotifier::activated, n, [] {
            char byte = 0;
            while (::read(s_pipe[0], &byte, 1) > 0) {
            }
        });
        return n;
    }();
    return notifier;
}

} // namespace

bool installInterruptHandler()
{
    if (s_pipe[0] >= 0)
        return true;
    if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = &onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

const std::atomic_bool &interruptFlag()
{
    return s_interrupted;
}

void whenInterrupted(QObject *context, std::function<void()> onInterrupt)
{
    installInterruptHandler();
    if (s_interrupted) {
        QMetaObject::invokeMethod(context, std::move(onInterrupt), Qt::QueuedConnection);
        return;
    }
    QObject::connect(wakeup(), &QSocketNotifier::activated, context, std::move(onInterrupt));
}

} // namespace lettascope::cli
