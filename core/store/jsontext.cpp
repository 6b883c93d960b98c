// SPDX-License-Identifier: MIT
#include "jsontext.h"

namespace lettascope::store {

QJsonObject parseJsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray parseJsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace lettascope::store
