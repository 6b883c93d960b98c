// SPDX-License-Identifier: MIT
#pragma once

#include "letta/serverprofile.h"

namespace lettascope::session {

/// The server the window shows: its profile, and its id in the open cache (the key every query takes).
struct ActiveServer {
    letta::ServerProfile profile;
    qint64 serverId = 0;

    bool isValid() const { return serverId != 0; }
};

} // namespace lettascope::session

Q_DECLARE_METATYPE(lettascope::session::ActiveServer)
