// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

namespace lettascope::ui::runs {

/// How a message reads in the timeline: one line for the tree, and the full text (pretty JSON arguments,
/// tool return status) for the message pane. Plain text only: nothing here is ever interpreted as markup.
QString messageSummary(const Message &message, int maxChars = 160);
QString messageFullText(const Message &message);
/// Indented JSON when `text` parses, else `text` unchanged (models do produce invalid JSON).
QString prettyJson(const QString &text);
/// One line per step: model, tokens (prompt / completion / cached / reasoning), duration.
QString stepSummary(const Step &step, int number);

} // namespace lettascope::ui::runs
