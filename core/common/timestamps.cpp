// SPDX-License-Identifier: MIT
#include "timestamps.h"


using namespace Qt::StringLiterals;

namespace lettascope {

namespace {

bool readDigits(QStringView text, qsizetype &pos, int count, int &out)
{
    if (pos + count > text.size())
        return false;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (!c.isDigit())
            return false;
        value = value * 10 + c.digitValue();
    }
    pos += count;
    out = value;
    return true;
}

bool expect(QStringView text, qsizetype &pos, QChar c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

} // namespace

// Hand-rolled because QDateTime::fromString(Qt::ISODateWithMs) rejects fractions longer than three
// digits (Python emits six) and treats a missing offset as local time instead of UTC.
std::optional<QDateTime> parseTimestamp(QStringView text)
{
    text = text.trimmed();
    qsizetype pos = 0;
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, u'-') || !readDigits(text, pos, 2, month)
        || !expect(text, pos, u'-') || !readDigits(text, pos, 2, day))
        return std::nullopt;
    int msec = 0;
    if (pos < text.size() && (text[pos] == u'T' || text[pos] == u' ')) {
        ++pos;
        if (!readDigits(text, pos, 2, hour) || !expect(text, pos, u':') || !readDigits(text, pos, 2, minute))
            return std::nullopt;
        if (pos < text.size() && text[pos] == u':') {
            ++pos;
            if (!readDigits(text, pos, 2, second))
                return std::nullopt;
        }
        if (pos < text.size() && (text[pos] == u'.' || text[pos] == u',')) {
            ++pos;
            int digits = 0;
            int scaled = 0;
            while (pos < text.size() && text[pos].isDigit()) {
                if (digits < 3)
                    scaled = scaled * 10 + text[pos].digitValue();
                ++digits;
                ++pos;
            }
            if (digits == 0)
                return std::nullopt;
            for (int d = digits; d < 3; ++d)
                scaled *= 10;
            msec = scaled;
        }
    }
    int offsetSeconds = 0;
    if (pos < text.size()) {
        const QChar sign = text[pos];
        if (sign == u'Z' || sign == u'z') {
            ++pos;
        } else if (sign == u'+' || sign == u'-') {
            ++pos;
            int oh, om = 0;
            if (!readDigits(text, pos, 2, oh))
                return std::nullopt;
            if (pos < text.size() && text[pos] == u':')
                ++pos;
            if (pos < text.size() && !readDigits(text, pos, 2, om))
                return std::nullopt;
            offsetSeconds = (oh * 3600 + om * 60) * (sign == u'-' ? -1 : 1);
        }
    }
    if (pos != text.size())
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime result(date, time, Qt::UTC);
    return result.addSecs(-offsetSeconds);
}

std::optional<qint64> parseTimestampMs(QStringView text)
{
    const auto parsed = parseTimestamp(text);
    if (!parsed)
        return std::nullopt;
    return parsed->toMSecsSinceEpoch();
}

QString formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString formatTimestampMs(qint64 epochMs)
{
    return formatTimestamp(QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC));
}

} // namespace lettascope
