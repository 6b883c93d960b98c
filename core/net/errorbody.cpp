// SPDX-License-Identifier: MIT
#include "errorbody.h"

#include "common/jsonparse.h"
#include "common/jsonread.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace lettascope::net {

namespace {
constexpr qsizetype MaxDetailChars = 2000;

QString capped(QString text)
{
    if (text.size() > MaxDetailChars)
        text = text.left(MaxDetailChars) + u'…';
    return text;
}
} // namespace

QString flattenDetail(const QJsonValue &detail)
{
    if (detail.isArray()) {
        QStringList items;
        for (const QJsonValue &item : detail.toArray())
            items.append(flattenDetail(item));
        items.removeAll(QString());
        return capped(items.join(u"; "));
    }
    if (!detail.isObject())
        return capped(json::str(detail));

    const QJsonObject object = detail.toObject();
    const QString message = json::firstStr(object, {u"msg", u"message"});
    if (object.contains(u"loc") && !message.isEmpty()) {
        // A pydantic validation item: {"loc": ["query", "limit"], "msg": …}
        QStringList path;
        for (const QJsonValue &part : json::array(object, u"loc"))
            path.append(json::str(part));
        return capped(path.isEmpty() ? message : path.join(u'.') + u": "_s + message);
    }
    if (!message.isEmpty()) {
        const QString code = json::firstStr(object, {u"code", u"type"});
        return capped(code.isEmpty() ? message : code + u": "_s + message);
    }
    if (object.contains(u"detail"))
        return flattenDetail(object.value(u"detail"));
    return capped(json::compact(object));
}

QString flattenErrorBody(const QByteArray &body)
{
    const auto parsed = parseJsonText(body);
    if (!parsed.ok()) {
        static const QRegularExpression tags(u"<[^>]*>"_s);
        QString text = QString::fromUtf8(body);
        if (text.trimmed().startsWith(u'<'))
            text.replace(tags, u" "_s);
        return capped(text.simplified());
    }
    const QJsonValue value = parsed.value();
    if (!value.isObject())
        return flattenDetail(value);

    const QJsonObject object = value.toObject();
    if (object.contains(u"detail")) {
        QString text = flattenDetail(object.value(u"detail"));
        if (!text.isEmpty())
            return text;
    }
    const QJsonValue error = object.value(u"error");
    if (error.isObject()) {
        // Provider errors: {"error": {"type", "message", "detail"}}.
        const QJsonObject errorObject = error.toObject();
        const QString message = json::str(errorObject, u"message");
        const QString more = flattenDetail(errorObject.value(u"detail"));
        if (!message.isEmpty())
            return capped(more.isEmpty() || message.contains(more) ? message : message + u" — "_s + more);
        return flattenDetail(errorObject);
    }
    if (error.isString())
        return capped(error.toString());
    return flattenDetail(object);
}

} // namespace lettascope::net
