// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringView>

#include <optional>

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

// The three timestamp shapes of letta-api.md §5, written the way pydantic writes them.
/// created_at: "2025-10-03T19:34:56.123456Z" (pydantic drops the fraction when it is zero).
void appendIsoZulu(QByteArray &out, Micros time);
/// Run.completed_at / Job.completed_at: naive, no offset ("2025-10-03T19:35:01.123456").
void appendIsoNaive(QByteArray &out, Micros time);
/// LettaMessage.date: seconds precision with an explicit offset ("2025-10-03T19:34:56+00:00").
void appendIsoSeconds(QByteArray &out, Micros time);
/// memgpt's packaged user message time: "2025-10-03 07:34:56 PM UTC+0000".
void appendMemgptTime(QByteArray &out, Micros time);

} // namespace lettascope::demo
