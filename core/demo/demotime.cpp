// SPDX-License-Identifier: MIT
#include "demotime.h"

#include "common/timestamps.h"

#include <QDateTime>

namespace lettascope::demo {

namespace {

struct Civil {
    int year, month, day, hour, minute, second, micros;
};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Howard Hinnant's civil_from_days: no QDateTime on the serialisation hot path.
Civil toCivil(Micros time)
{
    const qint64 days = floorDiv(time, kMicrosPerDay);
    const qint64 rest = time - days * kMicrosPerDay;
    const qint64 z = days + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    const qint64 secs = rest / kMicrosPerSecond;
    return {year, month, day, int(secs / 3600), int(secs / 60 % 60), int(secs % 60), int(rest % kMicrosPerSecond)};
}

void appendDigits(QByteArray &out, int value, int width)
{
    char buffer[12];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(buffer, width);
}

void appendDateTime(QByteArray &out, const Civil &c, char separator)
{
    appendDigits(out, c.year, 4);
    out.append('-');
    appendDigits(out, c.month, 2);
    out.append('-');
    appendDigits(out, c.day, 2);
    out.append(separator);
    appendDigits(out, c.hour, 2);
    out.append(':');
    appendDigits(out, c.minute, 2);
    out.append(':');
    appendDigits(out, c.second, 2);
}

void appendFraction(QByteArray &out, const Civil &c)
{
    if (c.micros == 0)
        return;
    out.append('.');
    appendDigits(out, c.micros, 6);
}

} // namespace

Micros nowMicros()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

std::optional<Micros> parseIsoMicros(QStringView text)
{
    // The shared parser keeps milliseconds; cursors and date filters need the full fraction.
    const auto ms = parseTimestampMs(text);
    if (!ms)
        return std::nullopt;
    Micros fraction = 0;
    const qsizetype dot = text.indexOf(u'.');
    if (dot > 0) {
        int digits = 0;
        for (qsizetype i = dot + 1; i < text.size() && text[i].isDigit() && digits < 6; ++i, ++digits)
            fraction = fraction * 10 + text[i].digitValue();
        for (; digits < 6; ++digits)
            fraction *= 10;
    }
    return floorDiv(*ms, 1000) * kMicrosPerSecond + fraction;
}

Micros startOfUtcDay(Micros time)
{
    return floorDiv(time, kMicrosPerDay) * kMicrosPerDay;
}

int weekdayOf(Micros time)
{
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const qint64 days = floorDiv(time, kMicrosPerDay);
    return int(((days % 7) + 7 + 3) % 7);
}

void appendIsoZulu(QByteArray &out, Micros time)
{
    const Civil c = toCivil(time);
    appendDateTime(out, c, 'T');
    appendFraction(out, c);
    out.append('Z');
}

void appendIsoNaive(QByteArray &out, Micros time)
{
    const Civil c = toCivil(time);
    appendDateTime(out, c, 'T');
    appendFraction(out, c);
}

void appendIsoSeconds(QByteArray &out, Micros time)
{
    appendDateTime(out, toCivil(time), 'T');
    out.append("+00:00");
}

void appendMemgptTime(QByteArray &out, Micros time)
{
    const Civil c = toCivil(time);
    appendDigits(out, c.year, 4);
    out.append('-');
    appendDigits(out, c.month, 2);
    out.append('-');
    appendDigits(out, c.day, 2);
    out.append(' ');
    const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    appendDigits(out, hour12, 2);
    out.append(':');
    appendDigits(out, c.minute, 2);
    out.append(':');
    appendDigits(out, c.second, 2);
    out.append(c.hour < 12 ? " AM UTC+0000" : " PM UTC+0000");
}

} // namespace lettascope::demo
