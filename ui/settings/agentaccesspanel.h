// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;

namespace lettascope::session {
class AgentAccess;
class AppSettings;
}

namespace lettascope::ui::settings {

/**
 * Settings → Agent access (MCP): start or stop serving this cache's trajectories to agents on 127.0.0.1, the
 * address and token, ready-to-paste configuration for Letta Code, a Letta server and stdio clients, and what
 * agents asked so far.
 */
class AgentAccessPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentAccessPanel)
public:
    AgentAccessPanel(session::AgentAccess &access, session::AppSettings &settings, QString cachePath,
                     QWidget *parent = nullptr);

    /// The command stdio clients run points at this cache.
    void setCachePath(const QString &path);

    QPushButton *toggle() const { return m_toggle; }
    QLabel *status() const { return m_status; }
    QPlainTextEdit *snippet() const { return m_snippet; }

private:
    void showState();
    void showSnippet();
    void showCalls();

    session::AgentAccess &m_access;
    QString m_cachePath;
    QPushButton *m_toggle;
    QSpinBox *m_port;
    QLabel *m_status;
    QLineEdit *m_token;
    QWidget *m_tokenActions;    ///< Show and Copy: nothing to show before a token exists
    QComboBox *m_client;
    QPlainTextEdit *m_snippet;
    QLabel *m_callCount;
    QStringListModel *m_calls;
};

} // namespace lettascope::ui::settings
