// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <atomic>
#include <functional>

namespace lettascope::cli {

/**
 * The CLI's one route for SIGINT and SIGTERM, so every long-running command stops the same way: cleanly,
 * with committed data kept, instead of being killed mid-write. The handler only sets a flag (worker threads
 * poll it: sync, import) and writes a byte to a self-pipe that wakes the event loop (no Qt call is safe in a
 * POSIX signal handler). Installing twice is harmless; false when the pipe or sigaction failed.
 */
bool installInterruptHandler();
const std::atomic_bool &interruptFlag();

/// Calls `onInterrupt` in `context`'s (the main) event loop once SIGINT/SIGTERM arrives; at once, queued, if
/// one already has. Installs the handler if needed.
void whenInterrupted(QObject *context, std::function<void()> onInterrupt);

} // namespace lettascope::cli
