// SPDX-License-Identifier: MIT
#pragma once

#include "letta/serverprofile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace lettascope::session {
class Session;
}

namespace lettascope::ui::settings {

/// Server profiles: add, edit, test the connection, remove, use. Tokens go to the keychain, never to settings.
class ProfilesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesEditor)
public:
    explicit ProfilesEditor(session::Session &session, QWidget *parent = nullptr);

    /// Clears the form for a new profile and focuses its name.
    void startNew();

private:
    void reloadList();
    void showProfile(const QString &id);
    /// Use and Remove act on a saved profile: disabled while the form shows a new one.
    void updateActions();
    void save();
    void remove();
    void test();
    letta::ServerKind currentKind() const;

    session::Session &m_session;
    QString m_editingId;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_project = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace lettascope::ui::settings
