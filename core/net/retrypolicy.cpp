// SPDX-License-Identifier: MIT
#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::net {

std::optional<qint64> parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return std::nullopt;

    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return qint64(std::min(seconds, 1.0e9) * 1000.0);
    }

    const QLocale c = QLocale::c();
    QDateTime when;
    for (const QString &format : {u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s, u"ddd MMM d hh:mm:ss yyyy"_s}) {
        when = c.toDateTime(text.simplified(), format);
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when));
}

qint64 backoffDelayMs(int attempt, int baseMs, int maxMs)
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const qint64 ceiling = std::min<qint64>(maxMs, qint64(std::max(baseMs, 0)) << exponent);
    if (ceiling <= 0)
        return 0;
    return QRandomGenerator::global()->bounded(ceiling + 1);
}

} // namespace lettascope::net
