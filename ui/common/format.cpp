// SPDX-License-Identifier: MIT
#include "format.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace lettascope::ui::format {

namespace {
const auto kUnknown = u"—"_s;
}

QString time(std::optional<qint64> epochMs)
{
    if (!epochMs)
        return kUnknown;
    return QDateTime::fromMSecsSinceEpoch(*epochMs).toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString durationMs(std::optional<qint64> ms)
{
    if (!ms)
        return kUnknown;
    if (*ms < 1000)
        return u"%1 ms"_s.arg(*ms);
    if (*ms < 60'000)
        return u"%1 s"_s.arg(double(*ms) / 1000.0, 0, 'f', 1);
    if (*ms < 3'600'000)
        return u"%1 min %2 s"_s.arg(*ms / 60'000).arg((*ms / 1000) % 60, 2, 10, QChar(u'0'));
    if (*ms < 86'400'000)
        return u"%1 h %2 min"_s.arg(*ms / 3'600'000).arg((*ms / 60'000) % 60, 2, 10, QChar(u'0'));
    return u"%1 d %2 h"_s.arg(*ms / 86'400'000).arg((*ms / 3'600'000) % 24);
}

QString durationNs(std::optional<qint64> ns)
{
    if (!ns)
        return kUnknown;
    return durationMs(*ns / 1'000'000);
}

QString count(std::optional<qint64> value)
{
    if (!value)
        return kUnknown;
    return QLocale().toString(*value);
}

} // namespace lettascope::ui::format
