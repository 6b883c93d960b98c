// SPDX-License-Identifier: MIT
#include "syncservice.h"

#include "common/logging.h"
#include "common/whenready.h"
#include "store/storewriter.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace lettascope::session {

QString connectionStateLabel(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Unknown: return u"Not synced"_s;
    case ConnectionState::Online: return u"Online"_s;
    case ConnectionState::Offline: return u"Offline"_s;
    case ConnectionState::AuthFailed: return u"Token refused"_s;
    case ConnectionState::Failed: return u"Sync failed"_s;
    }
    return {};
}

SyncService::SyncService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<sync::SyncProgress>();
    qRegisterMetaType<sync::SyncReport>();
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &SyncService::syncNow);
}

SyncService::~SyncService()
{
    cancelAndWait();
}

void SyncService::cancelAndWait()
{
    m_cancel = true;
    m_pool.waitForDone();
    m_cancel = false;
    m_again = false;
    if (m_running) {
        m_running = false;
        Q_EMIT syncingChanged(false);
    }
}

void SyncService::setTarget(store::StoreWriter *writer, const store::ServerRecord &server, SourceRunner withSource)
{
    cancelAndWait();
    m_writer = writer;
    m_withSource = std::move(withSource);
    m_generation.next();
    m_target = server;
    m_serverVersion.clear();
    m_lastSyncMs.reset();
    setState(ConnectionState::Unknown);
}

void SyncService::clearTarget()
{
    cancelAndWait();
    m_generation.next();
    m_target.reset();
    m_writer = nullptr;
    m_withSource = {};
    setState(ConnectionState::Unknown);
}

void SyncService::setIntervalSeconds(int seconds)
{
    if (seconds <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(seconds * 1000);
}

void SyncService::syncNow()
{
    if (!m_target || !m_writer || !m_withSource)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    Q_EMIT syncingChanged(true);
    const Generation::Token generation = m_generation.current();
    const store::ServerRecord server = *m_target;
    const sync::SyncOptions options = m_options;
    // Progress is reported from the worker thread; a queued call hands it to the GUI thread.
    auto onProgress = [this, generation](const sync::SyncProgress &p) {
        QMetaObject::invokeMethod(this, [this, generation, p] {
            if (m_generation.isCurrent(generation))
                Q_EMIT progress(p);
        }, Qt::QueuedConnection);
    };
    auto sync = QtConcurrent::run(&m_pool, [this, writer = m_writer, server, options, onProgress, withSource = m_withSource] {
        return withSource([&](sync::SyncSource &source) {
            return sync::SyncEngine(*writer).run(source, server, options, onProgress, &m_cancel);
        });
    });
    whenReady(sync, this, [this, generation](const sync::SyncReport &report) {
        if (!m_generation.isCurrent(generation))
            return;
        onFinished(report);
    });
}

void SyncService::onFinished(const sync::SyncReport &report)
{
    m_running = false;
    Q_EMIT syncingChanged(false);
    if (!report.serverVersion.isEmpty() && report.serverVersion != m_serverVersion) {
        m_serverVersion = report.serverVersion;
        Q_EMIT serverVersionChanged(m_serverVersion);
    }
    switch (report.fatal.kind) {
    case ErrorKind::None:
    case ErrorKind::Cancelled:
        m_lastSyncMs = report.finishedMs ? report.finishedMs : QDateTime::currentMSecsSinceEpoch();
        Q_EMIT lastSyncChanged(*m_lastSyncMs);
        setState(ConnectionState::Online);
        break;
    case ErrorKind::Network:
    case ErrorKind::Tls:
    case ErrorKind::RateLimited:
        setState(ConnectionState::Offline);
        break;
    case ErrorKind::Auth:
        setState(ConnectionState::AuthFailed);
        break;
    default:
        setState(ConnectionState::Failed);
        break;
    }
    qCInfo(lcSync) << "sync finished:" << report.summary();
    Q_EMIT finished(report);
    if (m_again) {
        m_again = false;
        syncNow();
    }
}

void SyncService::setState(ConnectionState state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace lettascope::session
