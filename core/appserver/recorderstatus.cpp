// SPDX-License-Identifier: MIT
#include "recorderstatus.h"

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

QString recorderStateName(RecorderState state)
{
    switch (state) {
    case RecorderState::Idle: return u"idle"_s;
    case RecorderState::Connecting: return u"connecting"_s;
    case RecorderState::Recording: return u"recording"_s;
    case RecorderState::Reconnecting: return u"reconnecting"_s;
    case RecorderState::Stopped: return u"stopped"_s;
    case RecorderState::Failed: return u"failed"_s;
    }
    return u"unknown"_s;
}

} // namespace lettascope::appserver
