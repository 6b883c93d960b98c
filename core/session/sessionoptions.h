// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace lettascope::session {

/// What the command line asks of a session. Applied in memory; never written back to settings.
struct SessionOptions {
    bool demo = false;          ///< always open on the built-in demo server (own temporary cache)
    bool demoLive = false;      ///< demo with runs that keep arriving
    QString cachePath;          ///< the user's cache file; empty: the per-user default
};

} // namespace lettascope::session
