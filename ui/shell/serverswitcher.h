// SPDX-License-Identifier: MIT
#pragma once

#include <QComboBox>

class QActionGroup;
class QMenu;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui {

/**
 * Which server the window shows: a combo box for the toolbar and the same choices as a Server menu (so the
 * command palette offers them too): the built-in demo, every saved profile, and "Add server…". Follows the
 * session's profiles and activations; choosing activates through the session.
 */
class ServerSwitcher final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSwitcher)
public:
    /// `menu` (owned by the caller, e.g. the menu bar's Server menu) gets one action per choice after its
    /// own fixed actions.
    ServerSwitcher(session::Session &session, QMenu *menu, QWidget *parent = nullptr);

Q_SIGNALS:
    void addServerRequested();

private:
    void reload();
    void choose(const QString &id);

    session::Session &m_session;
    QMenu *m_menu;
    QActionGroup *m_group; ///< the choices are exclusive: the active server is checked
    QList<QAction *> m_menuActions; ///< the choices' actions in m_menu, replaced on reload
};

} // namespace lettascope::ui
