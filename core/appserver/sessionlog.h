// SPDX-License-Identifier: MIT
#pragma once

#include "historyentry.h"

#include <QByteArray>

namespace lettascope::appserver {

/// A conversation's messages.jsonl from the App Server's local store (format
/// "pi-session-entry-jsonl": one session entry per line). Assistant entries are LLM calls and carry
/// their usage, model and provider, so the steps assembled from them have tokens. Lines that are not
/// messages (the session header) are passed over; lines that cannot be read count in `skipped`.
QList<HistoryEntry> entriesFromSessionLog(const QByteArray &jsonl, const ConversationRef &conversation, qint64 *skipped);

} // namespace lettascope::appserver
