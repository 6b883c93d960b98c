// SPDX-License-Identifier: MIT
#pragma once

#include "store/writebatch.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui::settings {

class ProfilesEditor;
class ResourcesView;

/// The Settings tab: servers, sync, appearance, cache, the server's resources and trajectory processing.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)
public:
    explicit SettingsPage(session::Session &session, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    /// Reloads the shown resources when a sync brought new ones; refreshes the cache size.
    void cacheChanged(const store::ChangeSet &changes);
    ProfilesEditor *profiles() const { return m_profiles; }
    ResourcesView *resources() const { return m_resources; }

private:
    void updateCacheInfo();

    session::Session &m_session;
    ProfilesEditor *m_profiles = nullptr;
    ResourcesView *m_resources = nullptr;
    QLabel *m_cacheInfo = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace lettascope::ui::settings
