// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace lettascope::letta {

/// Message content as one text: a plain string, or a list of parts (text, reasoning, image,
/// tool_call, tool_return …) joined by newlines. Images become "[image]" placeholders.
QString flattenContent(const QJsonValue &content);

/// The text of one content part; empty for parts that carry none.
QString contentPartText(const QJsonObject &part);

/// A server `detail` (string, object, pydantic error list …) or `error_data` as one line.
QString flattenDetail(const QJsonValue &detail);

/// An HTTP error body as text: `detail` as string/object/array, else `error.message`, else the body
/// itself (HTML tags stripped), capped so a runaway body cannot flood a tooltip.
QString flattenErrorBody(const QByteArray &body);

} // namespace lettascope::letta
