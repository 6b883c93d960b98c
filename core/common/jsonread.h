// SPDX-License-Identifier: MIT
#pragma once

#include "common/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

// Tolerant readers over server JSON. Servers of different versions disagree on shapes, so a missing
// key, a null or a value of the wrong type reads as empty/nullopt instead of failing the whole item.
namespace lettascope::json {

/// Strings as they are; numbers and booleans as text (ids have been seen as numbers in hand-made
/// files); anything else empty.
QString str(const QJsonValue &value);
QString str(const QJsonObject &object, QStringView key);
/// The first key that yields a non-empty string.
QString firstStr(const QJsonObject &object, std::initializer_list<QStringView> keys);

/// Integral numbers, or strings holding one; nullopt otherwise (including NaN and fractions).
std::optional<qint64> int64(const QJsonValue &value);
std::optional<qint64> int64(const QJsonObject &object, QStringView key);
std::optional<bool> boolean(const QJsonObject &object, QStringView key);

QJsonObject object(const QJsonObject &object, QStringView key);
QJsonArray array(const QJsonObject &object, QStringView key);
/// String elements of an array; objects contribute their `tag` or `name` (legacy tag lists).
QStringList strList(const QJsonObject &object, QStringView key);

/// Parsed with the shared rule for Letta's three timestamp shapes.
std::optional<qint64> timeMs(const QJsonObject &object, QStringView key);

/// Compact JSON for objects and arrays, the text of scalars; empty for null/undefined.
QString compact(const QJsonValue &value);
/// "object", "array", "string" … for error messages.
QString typeName(const QJsonValue &value);
/// The BadPayload error for an element that should have been an object.
Error notAnObject(QStringView what, const QJsonValue &value);

} // namespace lettascope::json
