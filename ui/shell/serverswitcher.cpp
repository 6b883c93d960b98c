// SPDX-License-Identifier: MIT
#include "serverswitcher.h"

#include "letta/profilestore.h"
#include "session/session.h"

#include <QActionGroup>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {
const auto kAddServer = u"+add"_s; ///< item data of "Add server…"; profile ids are never this
} // namespace

ServerSwitcher::ServerSwitcher(session::Session &session, QMenu *menu, QWidget *parent)
    : QComboBox(parent)
    , m_session(session)
    , m_menu(menu)
    , m_group(new QActionGroup(menu))
{
    setObjectName(u"serverSwitcher"_s);
    setAccessibleName(tr("Server"));
    setMinimumWidth(260);
    reload();
    connect(this, &QComboBox::activated, this, [this](int index) { choose(itemData(index).toString()); });
    connect(&session.profiles(), &letta::ProfileStore::profilesChanged, this, &ServerSwitcher::reload);
    connect(&session, &session::Session::activeChanged, this, &ServerSwitcher::reload);
    // A failed activation leaves the previous server active: show that one again.
    connect(&session, &session::Session::activationFailed, this, &ServerSwitcher::reload);
}

void ServerSwitcher::choose(const QString &id)
{
    if (id == kAddServer) {
        reload(); // the combo shows the active server, not "Add server…"
        Q_EMIT addServerRequested();
    } else if (id != (m_session.isDemo() ? QString() : m_session.active().profile.id)) {
        m_session.activate(id);
    }
}

void ServerSwitcher::reload()
{
    const QString current = m_session.isDemo() ? QString() : m_session.active().profile.id;
    QList<std::pair<QString, QString>> choices{{tr("Demo server (built in)"), QString()}};
    for (const auto &p : m_session.profiles().profiles())
        choices.append({u"%1 — %2"_s.arg(p.name, p.baseUrl.host()), p.id});
    {
        const QSignalBlocker block(this);
        clear();
        for (const auto &[title, id] : std::as_const(choices))
            addItem(title, id);
        addItem(tr("Add server…"), kAddServer);
        setCurrentIndex(qMax(0, findData(current)));
    }
    qDeleteAll(m_menuActions);
    m_menuActions.clear();
    for (const auto &[title, id] : std::as_const(choices)) {
        QAction *action = m_menu->addAction(tr("Switch to %1").arg(title));
        action->setCheckable(true);
        action->setChecked(id == current);
        action->setActionGroup(m_group);
        connect(action, &QAction::triggered, this, [this, id = id] { choose(id); });
        m_menuActions << action;
    }
    QAction *add = m_menu->addAction(tr("Add server…"));
    connect(add, &QAction::triggered, this, &ServerSwitcher::addServerRequested);
    m_menuActions << add;
}

} // namespace lettascope::ui
