// SPDX-License-Identifier: MIT
#include "syncstatus.h"

#include "ui/common/format.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

SyncStatus::SyncStatus(session::SyncService &sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_connection(new QLabel(this))
    , m_version(new QLabel(this))
    , m_lastSync(new QLabel(this))
    , m_phase(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(u"syncStatus"_s);
    m_connection->setObjectName(u"connectionState"_s);
    m_connection->setAccessibleName(tr("Connection"));
    m_version->setObjectName(u"serverVersion"_s);
    m_version->setAccessibleName(tr("Server version"));
    m_lastSync->setObjectName(u"lastSync"_s);
    m_lastSync->setAccessibleName(tr("Last sync"));
    m_phase->setObjectName(u"syncPhase"_s);
    m_progress->setObjectName(u"syncProgress"_s);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setMaximumWidth(140);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_phase);
    layout->addWidget(m_progress);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_version);
    layout->addWidget(m_connection);

    connect(&sync, &session::SyncService::stateChanged, this, &SyncStatus::showState);
    connect(&sync, &session::SyncService::serverVersionChanged, this,
            [this](const QString &version) { m_version->setText(tr("Letta %1").arg(version)); });
    connect(&sync, &session::SyncService::lastSyncChanged, this, &SyncStatus::showLastSync);
    connect(&sync, &session::SyncService::syncingChanged, this, [this](bool syncing) {
        m_progress->setVisible(syncing);
        m_progress->setRange(0, 0);
        m_phase->setText(syncing ? tr("Syncing…") : QString());
    });
    connect(&sync, &session::SyncService::progress, this, [this](const sync::SyncProgress &p) {
        m_phase->setText(p.total ? tr("Syncing %1 %2/%3").arg(p.phase).arg(p.done).arg(*p.total)
                                 : tr("Syncing %1 (%2)").arg(p.phase).arg(p.done));
        if (p.total && *p.total > 0) {
            m_progress->setRange(0, int(qMin<qint64>(*p.total, INT_MAX)));
            m_progress->setValue(int(qMin(p.done, *p.total)));
        } else {
            m_progress->setRange(0, 0);
        }
    });
    // "Last sync 2 min ago" ages while nothing happens.
    auto *ticker = new QTimer(this);
    ticker->start(30'000);
    connect(ticker, &QTimer::timeout, this, &SyncStatus::showLastSync);
    showState(sync.state());
}

void SyncStatus::showState(session::ConnectionState state)
{
    const bool offline = state == session::ConnectionState::Offline;
    QString text = connectionStateLabel(state);
    if (offline)
        text = tr("⚠ Offline — showing cached data");
    m_connection->setText(text);
    m_connection->setStyleSheet(offline || state == session::ConnectionState::AuthFailed || state == session::ConnectionState::Failed
                                    ? u"color: #e02060; font-weight: bold;"_s
                                    : QString());
    m_connection->setAccessibleDescription(text);
}

void SyncStatus::showLastSync()
{
    const auto last = m_sync.lastSyncMs();
    if (!last) {
        m_lastSync->clear();
        return;
    }
    const qint64 ago = QDateTime::currentMSecsSinceEpoch() - *last;
    m_lastSync->setText(ago < 60'000 ? tr("Synced just now") : tr("Synced %1 ago").arg(format::durationMs(ago - ago % 60'000)));
    m_lastSync->setToolTip(format::time(*last));
}

QString SyncStatus::connectionText() const
{
    return m_connection->text();
}

bool SyncStatus::offlineShown() const
{
    return m_sync.state() == session::ConnectionState::Offline && !m_connection->text().isEmpty();
}

} // namespace lettascope::ui
