// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"
#include "store/writebatch.h"

namespace lettascope::store {
class Database;
}

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QMap>
#include <QString>

// Helpers for the App Server tests: captured frames and what a sequence of batches amounts to.
namespace appservertest {

/// The frames the client received ("in" lines) of a tests/fixtures/letta-live/ws/*.frames.jsonl file.
QList<QJsonObject> receivedFrames(const QString &fixture);

/// The first column of each row of `sql`, as text (fails the process on bad SQL: a test bug).
QStringList rows(lettascope::store::Database &db, const char *sql);
/// The same against the cache file at `path`, opened read-only for the query.
QStringList rows(const QString &path, const char *sql);

/// Batches applied as the store's upserts would apply them: the latest version of each entity.
struct Merged {
    QMap<QString, lettascope::Run> runs;
    QMap<QString, lettascope::Step> steps;
    QMap<QString, lettascope::Message> messages;   ///< by "id|message_type|otid"

    void add(const lettascope::store::WriteBatch &batch);
    QList<lettascope::Message> messagesOfRun(const QString &runId) const;
    QList<lettascope::Step> stepsOfRun(const QString &runId) const;
};

} // namespace appservertest
