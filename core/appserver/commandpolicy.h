// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

namespace lettascope::appserver {

/// Lettascope is read-only towards an App Server: it lists and observes, and never sends input,
/// approvals, aborts or agent changes. The client refuses every command not on this list, so a
/// programming error cannot turn into a write.
bool isReadOnlyCommand(QStringView type);

} // namespace lettascope::appserver
