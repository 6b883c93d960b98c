// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "model/entities.h"

#include <QList>

namespace lettascope::store {

class Database;

struct MessageSearchHit {
    qint64 serverId = 0;
    Message message;
    QString agentName;
    QString snippet;    ///< the match in context, with the terms between [ and ]
    double rank = 0;    ///< bm25: lower is better
};

/// Turns what a person typed into an FTS5 query: each word quoted (so punctuation and FTS operators in
/// the text are matched literally), all words required, the last one as a prefix. Empty when nothing is
/// searchable.
QString ftsQueryFor(const QString &text);

/// Full-text search over message text, tool names, arguments and returns, best matches first.
Result<QList<MessageSearchHit>> searchMessages(Database &db, qint64 serverId, const QString &text, qint64 limit,
                                               qint64 offset = 0);

} // namespace lettascope::store
