// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace lettascope::net {

/// A server `detail` (string, object, pydantic error list …) or `error_data` as one line.
QString flattenDetail(const QJsonValue &detail);

/// An HTTP error body as text: `detail` as string/object/array, else `error.message`, else the body
/// itself (HTML tags stripped), capped so a runaway body cannot flood a tooltip.
QString flattenErrorBody(const QByteArray &body);

} // namespace lettascope::net
