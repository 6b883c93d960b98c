// SPDX-License-Identifier: MIT
#pragma once

class QMainWindow;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui {

/// File → Import: asks for a `letta trajectories export` folder or an App Server store, imports it into the
/// active server's data with a cancellable progress dialog, and reports the outcome on `window`.
void importFolder(session::Session &session, QMainWindow *window);

} // namespace lettascope::ui
