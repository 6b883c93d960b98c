// SPDX-License-Identifier: MIT
#include "writebatch.h"

namespace lettascope::store {

void ChangeSet::merge(const ChangeSet &other)
{
    if (serverId == 0)
        serverId = other.serverId;
    kinds |= other.kinds;
    runIds.unite(other.runIds);
    agentIds.unite(other.agentIds);
    changeSeq = std::max(changeSeq, other.changeSeq);
}

} // namespace lettascope::store
