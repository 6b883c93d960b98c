// SPDX-License-Identifier: MIT
#pragma once

#include "runfacts.h"
#include "textpool.h"

#include <QByteArray>
#include <QByteArrayView>

namespace lettascope::analytics {

/// The facts of a run that come from its messages and steps (tool calls in order, tokens per model) as
/// the bytes of run_facts.facts (migration 006): a version byte, then length-prefixed fields, so any text
/// round-trips and reading allocates only the lists.
QByteArray encodeCallFacts(const RunFacts &facts);

/// Sets facts.toolCalls and facts.modelTokens from encodeCallFacts() bytes. False, leaving `facts` as it
/// was, when the bytes are not such an encoding (another version, or damaged): the caller derives the
/// facts from the messages and steps instead.
bool decodeCallFacts(QByteArrayView bytes, TextPool &pool, RunFacts &facts);

} // namespace lettascope::analytics
