// SPDX-License-Identifier: MIT
#include "commandpolicy.h"

#include <array>

namespace lettascope::appserver {

bool isReadOnlyCommand(QStringView type)
{
    // `sync` only subscribes this socket to a conversation and replays its state; the client sends
    // it with recover_approvals:false and never with resume_interrupted_turn (appserver::syncCommand).
    static constexpr std::array<QStringView, 8> allowed{
        u"app_server_info", u"agent_list",           u"agent_retrieve", u"conversation_list",
        u"conversation_retrieve", u"conversation_messages_list", u"list_models", u"sync",
    };
    for (QStringView candidate : allowed) {
        if (candidate == type)
            return true;
    }
    return false;
}

} // namespace lettascope::appserver
