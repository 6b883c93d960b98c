// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace lettascope::store {

/// Compact UTF-8 JSON as the cache stores it; empty objects are stored as "{}" so raw is never NULL.
inline QByteArray jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
inline QByteArray jsonText(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}
QJsonObject parseJsonObject(const QString &text);
QJsonArray parseJsonArray(const QString &text);

} // namespace lettascope::store
