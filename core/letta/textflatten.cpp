// SPDX-License-Identifier: MIT
#include "textflatten.h"

#include "jsonread.h"
#include "jsontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
constexpr qsizetype MaxDetailChars = 2000;

QString capped(QString text)
{
    if (text.size() > MaxDetailChars)
        text = text.left(MaxDetailChars) + u'…';
    return text;
}

QString joinNonEmpty(const QStringList &parts, QStringView separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(separator);
}
} // namespace

QString contentPartText(const QJsonObject &part)
{
    const QString type = json::str(part, u"type");
    if (type == u"text")
        return json::str(part, u"text");
    if (type == u"reasoning")
        return json::str(part, u"reasoning");
    if (type == u"redacted_reasoning")
        return u"[redacted reasoning]"_s;
    if (type == u"omitted_reasoning")
        return u"[omitted reasoning]"_s;
    if (type == u"summarized_reasoning") {
        QStringList lines;
        for (const QJsonValue &item : json::array(part, u"summary"))
            lines.append(json::str(item.toObject(), u"text"));
        return joinNonEmpty(lines, u"\n");
    }
    if (type == u"image") {
        const QJsonObject source = json::object(part, u"source");
        const QString url = json::str(source, u"url");
        return url.isEmpty() ? u"[image]"_s : u"[image: %1]"_s.arg(url);
    }
    if (type == u"tool_call")
        return u"%1(%2)"_s.arg(json::str(part, u"name"), json::compact(part.value(u"input")));
    if (type == u"tool_return")
        return flattenContent(part.value(u"content"));
    // Unknown part types: take whatever text-like field they have rather than dropping them.
    return json::firstStr(part, {u"text", u"content", u"reasoning", u"message"});
}

QString flattenContent(const QJsonValue &content)
{
    if (content.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : content.toArray())
            parts.append(part.isObject() ? contentPartText(part.toObject()) : json::str(part));
        return joinNonEmpty(parts, u"\n");
    }
    if (content.isObject())
        return contentPartText(content.toObject());
    return json::str(content);
}

QString flattenDetail(const QJsonValue &detail)
{
    if (detail.isArray()) {
        QStringList items;
        for (const QJsonValue &item : detail.toArray())
            items.append(flattenDetail(item));
        return capped(joinNonEmpty(items, u"; "));
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

} // namespace lettascope::letta
