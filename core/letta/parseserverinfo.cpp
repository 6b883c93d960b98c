// SPDX-License-Identifier: MIT
#include "common/jsonread.h"
#include "parsers.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope::letta {

bool ServerInfo::atLeast(int wantMajor, int wantMinor, int wantPatch) const
{
    if (!isKnown())
        return true;
    const int have[3] = {major, qMax(minor, 0), qMax(patch, 0)};
    const int want[3] = {wantMajor, wantMinor, wantPatch};
    for (int i = 0; i < 3; ++i) {
        if (have[i] != want[i])
            return have[i] > want[i];
    }
    return true;
}

void parseVersion(const QString &version, int *major, int *minor, int *patch)
{
    // Leading numeric components only: "0.11.7.dev3" → 0.11.7, "1.0.0a2" → 1.0.0.
    static const QRegularExpression pattern(u"^\\s*v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?"_s);
    const QRegularExpressionMatch match = pattern.match(version);
    const auto part = [&](int index) {
        bool ok = false;
        const int number = match.captured(index).toInt(&ok);
        return ok ? number : -1;
    };
    *major = match.hasMatch() ? part(1) : -1;
    *minor = match.hasMatch() ? part(2) : -1;
    *patch = match.hasMatch() ? part(3) : -1;
}

Result<ServerInfo> parseServerInfo(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"health response", value);
    const QJsonObject o = value.toObject();
    ServerInfo info;
    info.version = json::str(o, u"version");
    info.status = json::str(o, u"status");
    info.raw = o;
    parseVersion(info.version, &info.major, &info.minor, &info.patch);
    if (info.version.isEmpty() && info.status.isEmpty())
        return Error{ErrorKind::BadPayload, u"health response has neither version nor status"_s};
    return info;
}

} // namespace lettascope::letta
