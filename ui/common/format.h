// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace lettascope::ui::format {

/// Local date and time, to the second; "—" when unknown.
QString time(std::optional<qint64> epochMs);
/// "850 ms", "12.4 s", "3 min 05 s", "2 h 04 min", "3 d 5 h"; "—" when unknown.
QString durationNs(std::optional<qint64> ns);
QString durationMs(std::optional<qint64> ms);
/// Grouped digits; "—" when the source did not report it.
QString count(std::optional<qint64> value);

} // namespace lettascope::ui::format
