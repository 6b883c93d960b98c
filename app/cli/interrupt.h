// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>

class QEventLoop;

namespace lettascope::cli {

/// Routes SIGINT and SIGTERM to a flag: long-running commands stop cleanly (committed data stays)
/// instead of being killed mid-write.
void installInterruptHandler();
const std::atomic_bool &interruptFlag();

/// Quits `loop` once SIGINT/SIGTERM arrived (checked every 100 ms: a signal handler may only set a flag).
void quitLoopOnInterrupt(QEventLoop &loop);

} // namespace lettascope::cli
