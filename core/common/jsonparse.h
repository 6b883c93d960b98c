// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonValue>

namespace lettascope {

/// Parses any JSON text, including the top-level scalars QJsonDocument refuses (`null` from
/// /v1/steps/{id}/trace, a bare integer from the /count routes, a double-encoded agent file).
/// Errors are BadPayload and say where the text broke.
Result<QJsonValue> parseJsonText(const QByteArray &text);

} // namespace lettascope
