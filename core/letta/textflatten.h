// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>

namespace lettascope::letta {

/// Message content as one text: a plain string, or a list of parts (text, reasoning, image,
/// tool_call, tool_return …) joined by newlines. Images become "[image]" placeholders.
QString flattenContent(const QJsonValue &content);

/// The text of one content part; empty for parts that carry none.
QString contentPartText(const QJsonObject &part);

} // namespace lettascope::letta
