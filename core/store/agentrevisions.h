// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "model/entities.h"

namespace lettascope::store {

class Database;

/// Records a new agent revision when the system prompt, model, tools or memory blocks differ from the
/// agent's latest revision; otherwise only extends that revision's last-seen time. Prompt evolution ties
/// run outcomes to these revisions, so they are kept from the first sync on.
Status recordAgentRevision(Database &db, qint64 serverId, const Agent &agent, qint64 nowMs);

/// The fingerprint of the fields a revision tracks (exposed for tests).
QString agentRevisionFingerprint(const Agent &agent);

} // namespace lettascope::store
