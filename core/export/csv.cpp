// SPDX-License-Identifier: MIT
#include "csv.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::exports {

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString csvLine(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const auto &field : fields)
        escaped << csvField(field);
    return escaped.join(u',');
}

QString csvRow(const QJsonObject &object, const QStringList &columns)
{
    QStringList fields;
    for (const auto &column : columns) {
        const QJsonValue value = object.value(column);
        switch (value.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined: fields << QString(); break;
        case QJsonValue::Bool: fields << (value.toBool() ? u"true"_s : u"false"_s); break;
        case QJsonValue::Double: fields << QString::number(value.toDouble(), 'g', 15); break;
        case QJsonValue::String: fields << value.toString(); break;
        case QJsonValue::Array: {
            QStringList items;
            for (const auto &item : value.toArray())
                items << (item.isString() ? item.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact)));
            fields << items.join(u';');
            break;
        }
        case QJsonValue::Object:
            fields << QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            break;
        }
    }
    return csvLine(fields);
}

} // namespace lettascope::exports
