// SPDX-License-Identifier: MIT
#pragma once

#include "backoff.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope::appserver {

enum class RecorderState {
    Idle,
    Connecting,     ///< probing and opening the socket (first time)
    Recording,      ///< subscribed to every conversation, writing events
    Reconnecting,   ///< the connection dropped; a recording gap is open
    Stopped,
    Failed,         ///< will not retry: unsupported protocol, refused token, not an App Server
};

QString recorderStateName(RecorderState state);

struct RecorderOptions {
    int flushIntervalMs = 250;          ///< how often recorded changes are written (one transaction each)
    int discoveryIntervalMs = 5000;     ///< how often new agents and conversations are looked for
    int statsIntervalMs = 500;          ///< at most this often statsChanged()
    BackoffPolicy backoff;
};

/// Counters for status bars and the CLI; sent by value across threads.
struct RecorderStats {
    RecorderState state = RecorderState::Idle;
    QString serverVersion;
    qint64 framesReceived = 0;
    qint64 framesSkipped = 0;       ///< malformed frames, logged and left out of the cache
    qint64 conversations = 0;       ///< subscribed now
    qint64 runsSeen = 0;
    qint64 activeRuns = 0;
    qint64 turnsFinished = 0;
    qint64 batchesWritten = 0;
    qint64 writeErrors = 0;
    qint64 gaps = 0;
    std::optional<qint64> lastEventMs;
};

} // namespace lettascope::appserver

Q_DECLARE_METATYPE(lettascope::appserver::RecorderState)
Q_DECLARE_METATYPE(lettascope::appserver::RecorderStats)
