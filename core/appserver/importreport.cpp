// SPDX-License-Identifier: MIT
#include "importreport.h"

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

QString importFormatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::TrajectoryExport: return u"trajectory-v1 export"_s;
    case ImportFormat::AppServerStore: return u"App Server store"_s;
    }
    return {};
}

QString ImportReport::summary() const
{
    if (fatal.kind != ErrorKind::None)
        return u"import failed: "_s + fatal.message;
    QString text = u"%1 conversations, %2 runs, %3 steps, %4 messages imported from the %5 in %6 s"_s.arg(conversations)
                       .arg(runs)
                       .arg(steps)
                       .arg(messages)
                       .arg(importFormatName(format))
                       .arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    if (skipped > 0)
        text += u"; %1 records skipped"_s.arg(skipped);
    if (!problems.isEmpty())
        text += u"; %1 files failed: %2"_s.arg(problems.size()).arg(problems.first());
    if (cancelled)
        text += u"; cancelled"_s;
    return text;
}

} // namespace lettascope::appserver
