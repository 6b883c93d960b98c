// SPDX-License-Identifier: MIT
#pragma once

#include "session/syncservice.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace lettascope::ui {

/// The status bar's right side: connection state (with an offline marker), server version, last sync and
/// the running sync's progress. Follows a SyncService.
class SyncStatus final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatus)
public:
    explicit SyncStatus(session::SyncService &sync, QWidget *parent = nullptr);

    QString connectionText() const;
    bool offlineShown() const;

private:
    void showState(session::ConnectionState state);
    void showLastSync();

    session::SyncService &m_sync;
    QLabel *m_connection = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_phase = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace lettascope::ui
