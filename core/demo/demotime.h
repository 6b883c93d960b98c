// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringView>

#include <optional>
#include <string_view>

namespace lettascope::demo {

/// Microseconds since the Unix epoch (UTC): the one time unit of the demo dataset.
using Micros = qint64;

constexpr Micros kMicrosPerSecond = 1'000'000;
constexpr Micros kMicrosPerDay = 86'400 * kMicrosPerSecond;

Micros nowMicros();
/// An ISO-8601 date-time (any of the three Letta shapes; no offset = UTC) to microseconds.
std::optional<Micros> parseIsoMicros(QStringView text);
Micros startOfUtcDay(Micros time);
/// 0 = Monday … 6 = Sunday.
int weekdayOf(Micros time);

/// A formatted timestamp, on the stack (timestamps are on every serialised entity).
struct TimeText {
    char data[40];
    int size = 0;
    std::string_view view() const { return {data, size_t(size)}; }
};

// The three timestamp shapes of letta-api.md §5, written the way pydantic writes them.
/// created_at: "2025-10-03T19:34:56.123456Z" (pydantic drops the fraction when it is zero).
TimeText isoZulu(Micros time);
/// Run.completed_at / Job.completed_at: naive, no offset ("2025-10-03T19:35:01.123456").
TimeText isoNaive(Micros time);
/// LettaMessage.date: seconds precision with an explicit offset ("2025-10-03T19:34:56+00:00").
TimeText isoSeconds(Micros time);
/// memgpt's packaged user message time: "2025-10-03 07:34:56 PM UTC+0000".
TimeText memgptTime(Micros time);

} // namespace lettascope::demo
