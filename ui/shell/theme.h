// SPDX-License-Identifier: MIT
#pragma once

#include "session/appsettings.h"

namespace lettascope::ui {

/// System: the platform's palette (light or dark, as the desktop says). Terminal: black, neon accents,
/// square corners, monospace numbers — the look of the seed's dashboard.
void applyTheme(session::AppSettings::Theme theme);

} // namespace lettascope::ui
