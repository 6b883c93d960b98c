// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace lettascope::cli {

/// Turns SIGINT/SIGTERM into a Qt signal through a self-pipe, so long-running commands can leave
/// their event loop and clean up (no Qt call is safe inside a POSIX signal handler).
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    /// Installs the handlers; false when the pipe or sigaction failed.
    bool watchTermination();

Q_SIGNALS:
    void terminationRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace lettascope::cli
