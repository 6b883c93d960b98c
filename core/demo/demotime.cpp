// SPDX-License-Identifier: MIT
#include "demotime.h"

#include "common/timestamps.h"

#include <chrono>

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

struct Writer {
    TimeText text;

    void digits(int value, int width)
    {
        for (int i = width - 1; i >= 0; --i) {
            text.data[text.size + i] = char('0' + value % 10);
            value /= 10;
        }
        text.size += width;
    }
    void put(char c) { text.data[text.size++] = c; }
    void put(const char *chars)
    {
        while (*chars)
            text.data[text.size++] = *chars++;
    }
    void dateTime(const Civil &c, char separator)
    {
        digits(c.year, 4);
        put('-');
        digits(c.month, 2);
        put('-');
        digits(c.day, 2);
        put(separator);
        digits(c.hour, 2);
        put(':');
        digits(c.minute, 2);
        put(':');
        digits(c.second, 2);
    }
    void fraction(const Civil &c)
    {
        if (c.micros == 0)
            return;
        put('.');
        digits(c.micros, 6);
    }
};

} // namespace

Micros nowMicros()
{
    // QDateTime only has milliseconds; live timestamps should look like the server's microseconds.
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
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

TimeText isoZulu(Micros time)
{
    const Civil c = toCivil(time);
    Writer writer;
    writer.dateTime(c, 'T');
    writer.fraction(c);
    writer.put('Z');
    return writer.text;
}

TimeText isoNaive(Micros time)
{
    const Civil c = toCivil(time);
    Writer writer;
    writer.dateTime(c, 'T');
    writer.fraction(c);
    return writer.text;
}

TimeText isoSeconds(Micros time)
{
    Writer writer;
    writer.dateTime(toCivil(time), 'T');
    writer.put("+00:00");
    return writer.text;
}

TimeText memgptTime(Micros time)
{
    const Civil c = toCivil(time);
    Writer writer;
    writer.digits(c.year, 4);
    writer.put('-');
    writer.digits(c.month, 2);
    writer.put('-');
    writer.digits(c.day, 2);
    writer.put(' ');
    writer.digits(c.hour % 12 == 0 ? 12 : c.hour % 12, 2);
    writer.put(':');
    writer.digits(c.minute, 2);
    writer.put(':');
    writer.digits(c.second, 2);
    writer.put(c.hour < 12 ? " AM UTC+0000" : " PM UTC+0000");
    return writer.text;
}

} // namespace lettascope::demo
