// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::store {
class Database;
}

namespace lettascope::appserver {

/// A stretch of time the recorder was not connected to its App Server (store table recording_gaps).
struct RecordingGap {
    qint64 id = 0;
    qint64 serverId = 0;
    qint64 startedMs = 0;
    std::optional<qint64> endedMs;  ///< empty while still disconnected
    QString reason;
    QStringList missedRunIds;       ///< server run ids that ran entirely inside the gap
    QStringList unobservedRunIds;   ///< cached runs whose end fell inside the gap
};

/// Writer-thread helpers (run them through StoreWriter::call/transact).
Result<qint64> openRecordingGap(store::Database &db, qint64 serverId, qint64 startedMs, const QString &reason);
Status closeRecordingGap(store::Database &db, const RecordingGap &gap);

/// The gaps of one server, newest first (any connection: the GUI reads them on a worker thread).
Result<QList<RecordingGap>> recordingGaps(store::Database &db, qint64 serverId);

} // namespace lettascope::appserver

Q_DECLARE_METATYPE(lettascope::appserver::RecordingGap)
