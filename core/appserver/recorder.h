// SPDX-License-Identifier: MIT
#pragma once

#include "endpoint.h"
#include "recorderstatus.h"
#include "recordinggaps.h"
#include "store/entitywriter.h"

#include <QObject>

#include <memory>

class QThread;

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::appserver {

class RecorderWorker;

/**
 * Records what a Letta Code App Server does, live, into the cache: an observer socket that sends
 * `sync` for every conversation (new ones are picked up every few seconds) and turns the events
 * into runs, steps and messages (EventAssembler), including the errors the server never stores.
 * After each turn it reads the turn's stored messages to add the user's prompt.
 *
 * Read-only: it never sends input, approvals or changes. All work happens on its own thread; this
 * object lives on the caller's (GUI) thread and only relays signals, throttled (statsChanged at most
 * every RecorderOptions::statsIntervalMs). When the connection drops it reconnects with backoff,
 * and the time it was away is stored as a recording gap (recordinggaps.h), never papered over.
 */
class Recorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Recorder)

public:
    /// `writer` must be open and outlive the recorder. `server` names the cache's server record
    /// (kind "app_server"); its id is created if needed.
    Recorder(store::StoreWriter &writer, store::ServerRecord server, AppServerEndpoint endpoint,
             RecorderOptions options = {}, QObject *parent = nullptr);
    /// Stops (writing what is left) and joins the thread.
    ~Recorder() override;

    void start();
    /// Writes what is left and disconnects; stopped() follows once everything is committed.
    void stop();

    RecorderState state() const { return m_stats.state; }
    RecorderStats stats() const { return m_stats; }

Q_SIGNALS:
    void stateChanged(lettascope::appserver::RecorderState state, const QString &detail);
    void statsChanged(const lettascope::appserver::RecorderStats &stats);
    /// A gap closed: the recorder is subscribed again after being disconnected.
    void gapRecorded(const lettascope::appserver::RecordingGap &gap);
    /// It will not retry (unsupported protocol, refused token, not an App Server).
    void failed(const lettascope::Error &error);
    void stopped();

private:
    std::unique_ptr<QThread> m_thread;
    RecorderWorker *m_worker = nullptr;
    RecorderStats m_stats;
    bool m_stopped = false;
};

} // namespace lettascope::appserver
