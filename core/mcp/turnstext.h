// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QString>

namespace lettascope::mcp {

/// A trajectory's turns (seed format) as plain text an LLM reads well: one line per message, "user:",
/// "assistant:", "reasoning:", "→ tool(args)", "← result" and "✗ error". Each line is cut to `lineChars`
/// and the whole to `totalChars`; what was left out is said at the end, never silently dropped.
QString turnsText(const QJsonArray &turns, qsizetype lineChars, qsizetype totalChars);

} // namespace lettascope::mcp
