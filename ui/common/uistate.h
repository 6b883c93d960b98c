// SPDX-License-Identifier: MIT
#pragma once

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace lettascope::ui {

/// Window, splitter and column layout persisted between runs, keyed by objectName (so names must be unique
/// and stable). Restores when asked and saves on the widget's destruction.
namespace uistate {

void restore(QMainWindow *window);
void save(const QMainWindow *window); ///< from closeEvent: a destroyed window has no geometry left
bool track(QSplitter *splitter); ///< true when saved sizes were restored
/// True when a saved layout was restored (callers size columns to their contents otherwise).
bool track(QHeaderView *header);

} // namespace uistate

} // namespace lettascope::ui
