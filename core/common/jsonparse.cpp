// SPDX-License-Identifier: MIT
#include "jsonparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lettascope {

namespace {
Error parseError(const QJsonParseError &error, qsizetype size)
{
    return Error{ErrorKind::BadPayload,
                 u"invalid JSON at byte %1 of %2: %3"_s.arg(error.offset).arg(size).arg(error.errorString())};
}
} // namespace

Result<QJsonValue> parseJsonText(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorKind::BadPayload, u"empty body where JSON was expected"_s};

    QJsonParseError error;
    if (trimmed.front() == '{' || trimmed.front() == '[') {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError)
            return parseError(error, text.size());
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    // Scalars are small; wrapping them in an array costs nothing and keeps one parser.
    const QJsonDocument doc = QJsonDocument::fromJson('[' + trimmed + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
        error.offset = qMax(0, error.offset - 1);
        return parseError(error, text.size());
    }
    return doc.array().at(0);
}

} // namespace lettascope
