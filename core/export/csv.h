// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lettascope::exports {

/// One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled.
QString csvField(const QString &value);
QString csvLine(const QStringList &fields);
/// A JSON object as a CSV row in `columns` order; arrays join with ';', null is an empty field.
QString csvRow(const QJsonObject &object, const QStringList &columns);

} // namespace lettascope::exports
