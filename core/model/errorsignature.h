// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace lettascope {

/// Error text with what varies between occurrences replaced (ids, hex, numbers, paths, URLs), so the same
/// failure groups under one signature. Whitespace is collapsed and the text cut to 160 characters.
QString errorSignature(const QString &text);

} // namespace lettascope
