// SPDX-License-Identifier: MIT
#include "syncsource.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace lettascope::sync {

bool SyncReport::ok() const
{
    if (fatal.kind != ErrorKind::None || cancelled)
        return false;
    return std::all_of(resources.cbegin(), resources.cend(), [](const ResourceReport &r) { return r.ok; });
}

qint64 SyncReport::requests() const
{
    qint64 total = 0;
    for (const auto &r : resources)
        total += r.requests;
    return total;
}

qint64 SyncReport::fetched() const
{
    qint64 total = 0;
    for (const auto &r : resources)
        total += r.fetched;
    return total;
}

ResourceReport &SyncReport::resource(const QString &name)
{
    for (auto &r : resources) {
        if (r.resource == name)
            return r;
    }
    resources.append(ResourceReport{name, 0, 0, 0, true, {}, {}});
    return resources.last();
}

QString SyncReport::summary() const
{
    if (fatal.kind != ErrorKind::None)
        return u"sync failed: "_s + fatal.message;
    QStringList fetchedParts;
    QStringList failedParts;
    for (const auto &r : resources) {
        if (r.fetched > 0)
            fetchedParts << u"%1 %2"_s.arg(r.fetched).arg(r.resource);
        if (!r.ok)
            failedParts << r.resource + u": "_s + r.error;
    }
    const double seconds = double(finishedMs - startedMs) / 1000.0;
    QString text = fetchedParts.isEmpty() ? u"nothing new"_s : fetchedParts.join(u", "_s) + u" fetched"_s;
    text += u" in %1 s (%2 requests)"_s.arg(seconds, 0, 'f', 1).arg(requests());
    if (cancelled)
        text += u"; cancelled"_s;
    if (!failedParts.isEmpty())
        text += u"; failed: "_s + failedParts.join(u"; "_s);
    return text;
}

} // namespace lettascope::sync
