// SPDX-License-Identifier: MIT
#include "errorsignature.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope {

QString errorSignature(const QString &text)
{
    if (text.isEmpty())
        return {}; // most runs have no error: skip six regular expression passes
    // Order matters: URLs and paths before ids, ids before bare numbers (an id holds digits).
    static const QRegularExpression url(u"\\b[a-z][a-z0-9+.-]*://\\S+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression path(u"(?:[A-Za-z]:)?(?:[\\\\/][\\w.-]+){2,}[\\\\/]?"_s);
    static const QRegularExpression uuid(
        u"\\b(?:[a-z]+[-_])?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression hex(u"\\b(?:0x)?[0-9a-f]*\\d[0-9a-f]*[a-f][0-9a-f]*\\b|\\b[0-9a-f]{12,}\\b"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression number(u"\\d+(?:\\.\\d+)?"_s);
    static const QRegularExpression space(u"\\s+"_s);
    QString s = text;
    s.replace(url, u"<url>"_s);
    s.replace(path, u"<path>"_s);
    s.replace(uuid, u"<id>"_s);
    s.replace(hex, u"<id>"_s);
    s.replace(number, u"<n>"_s);
    s = s.replace(space, u" "_s).trimmed();
    if (s.size() > 160)
        s = s.left(159) + u'…';
    return s;
}

} // namespace lettascope
