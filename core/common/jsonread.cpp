// SPDX-License-Identifier: MIT
#include "jsonread.h"

#include "common/timestamps.h"

#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::json {

QString str(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    default: return {};
    }
}

QString str(const QJsonObject &object, QStringView key)
{
    return str(object.value(key));
}

QString firstStr(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (QStringView key : keys) {
        QString text = str(object, key);
        if (!text.isEmpty())
            return text;
    }
    return {};
}

std::optional<qint64> int64(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        // 2^63 bounds; doubles beyond that cannot be a meaningful count or duration.
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18)
            return qint64(d);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

std::optional<qint64> int64(const QJsonObject &object, QStringView key)
{
    return int64(object.value(key));
}

std::optional<bool> boolean(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString text = value.toString().trimmed().toLower();
        if (text == u"true")
            return true;
        if (text == u"false")
            return false;
    }
    return std::nullopt;
}

QJsonObject object(const QJsonObject &object, QStringView key)
{
    return object.value(key).toObject();
}

QJsonArray array(const QJsonObject &object, QStringView key)
{
    return object.value(key).toArray();
}

QStringList strList(const QJsonObject &object, QStringView key)
{
    QStringList list;
    const QJsonArray items = array(object, key);
    for (const QJsonValue &item : items) {
        QString text = item.isObject() ? firstStr(item.toObject(), {u"tag", u"name"}) : str(item);
        if (!text.isEmpty())
            list.append(std::move(text));
    }
    return list;
}

std::optional<qint64> timeMs(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    return parseTimestampMs(value.toString());
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return str(value);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"boolean"_s;
    case QJsonValue::Double: return u"number"_s;
    case QJsonValue::String: return u"string"_s;
    case QJsonValue::Array: return u"array"_s;
    case QJsonValue::Object: return u"object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"nothing"_s;
}

Error notAnObject(QStringView what, const QJsonValue &value)
{
    return Error{ErrorKind::BadPayload, u"%1 is a JSON %2, not an object"_s.arg(what, typeName(value))};
}

} // namespace lettascope::json
