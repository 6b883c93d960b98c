// SPDX-License-Identifier: MIT
#include "agentaccesspanel.h"

#include "session/agentaccess.h"
#include "session/appsettings.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>

using namespace Qt::StringLiterals;

namespace lettascope::ui::settings {

namespace {
enum Client { LettaCode, LettaServer, Stdio };

QPushButton *copyButton(QWidget *parent, std::function<QString()> text)
{
    auto *button = new QPushButton(QObject::tr("Copy"), parent);
    QObject::connect(button, &QPushButton::clicked, button, [text = std::move(text)] {
        QGuiApplication::clipboard()->setText(text());
    });
    return button;
}
} // namespace

AgentAccessPanel::AgentAccessPanel(session::AgentAccess &access, session::AppSettings &settings, QString cachePath,
                                   QWidget *parent)
    : QWidget(parent)
    , m_access(access)
    , m_cachePath(std::move(cachePath))
    , m_toggle(new QPushButton(this))
    , m_port(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_tokenActions(new QWidget(this))
    , m_client(new QComboBox(this))
    , m_snippet(new QPlainTextEdit(this))
    , m_callCount(new QLabel(this))
    , m_calls(new QStringListModel(this))
{
    setObjectName(u"agentAccessPanel"_s);
    auto *intro = new QLabel(tr("Let agents learn from this cache's trajectories: Letta Code, a Letta server or any "
                                "MCP client on this machine can call search_trajectories, search_decisions and "
                                "get_trajectory. Read-only; served on 127.0.0.1 only, with a token."), this);
    intro->setWordWrap(true);
    m_toggle->setObjectName(u"agentAccessToggle"_s);
    m_port->setObjectName(u"agentAccessPort"_s);
    m_port->setRange(1024, 65535);
    m_port->setValue(settings.agentAccessPort());
    m_port->setAccessibleName(tr("Port"));
    m_status->setObjectName(u"agentAccessStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_token->setObjectName(u"agentAccessToken"_s);
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Bearer token"));
    auto *show = new QPushButton(tr("Show"), m_tokenActions);
    show->setCheckable(true);
    m_client->setObjectName(u"agentAccessClient"_s);
    m_client->addItems({tr("Letta Code (/mcp add)"), tr("Letta server (MCP server settings)"),
                        tr("stdio clients (command)")});
    m_snippet->setObjectName(u"agentAccessSnippet"_s);
    m_snippet->setReadOnly(true);
    m_snippet->setMaximumHeight(110);
    m_callCount->setObjectName(u"agentAccessCalls"_s);
    auto *calls = new QListView(this);
    calls->setObjectName(u"agentAccessRecent"_s);
    calls->setModel(m_calls);
    calls->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *serveRow = new QHBoxLayout;
    serveRow->addWidget(m_toggle);
    serveRow->addWidget(new QLabel(tr("on port"), this));
    serveRow->addWidget(m_port);
    serveRow->addStretch();
    auto *tokenButtons = new QHBoxLayout(m_tokenActions);
    tokenButtons->setContentsMargins(0, 0, 0, 0);
    tokenButtons->addWidget(show);
    tokenButtons->addWidget(copyButton(m_tokenActions, [this] { return m_access.token(); }));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_tokenActions);
    auto *snippetRow = new QHBoxLayout;
    snippetRow->addWidget(m_client, 1);
    snippetRow->addWidget(copyButton(this, [this] { return m_snippet->toPlainText(); }));
    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("Serve"), serveRow);
    form->addRow(tr("Status"), m_status);
    form->addRow(tr("Token"), tokenRow);
    form->addRow(tr("Configure"), snippetRow);
    form->addRow(QString(), m_snippet);
    form->addRow(tr("Calls"), m_callCount);
    form->addRow(tr("Last asked"), calls);

    connect(m_toggle, &QPushButton::clicked, this, [this] { m_access.isRunning() ? m_access.stop() : m_access.start(); });
    connect(m_port, &QSpinBox::editingFinished, this, [this, &settings] {
        if (m_port->value() == settings.agentAccessPort())
            return;
        settings.setAgentAccessPort(m_port->value());
        if (m_access.isRunning())
            m_access.start(); // moves to the new port
    });
    connect(show, &QPushButton::toggled, this, [this](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_client, &QComboBox::currentIndexChanged, this, &AgentAccessPanel::showSnippet);
    connect(&m_access, &session::AgentAccess::stateChanged, this, &AgentAccessPanel::showState);
    connect(&m_access, &session::AgentAccess::called, this, &AgentAccessPanel::showCalls);
    showState();
    showCalls();
}

void AgentAccessPanel::setCachePath(const QString &path)
{
    m_cachePath = path;
    showSnippet();
}

void AgentAccessPanel::showState()
{
    const bool running = m_access.isRunning();
    if (running)
        m_port->setValue(m_access.url().port()); // the port saved since, or changed elsewhere
    m_toggle->setText(running ? tr("Stop serving") : tr("Start serving"));
    QString status = running ? tr("Serving %1").arg(m_access.url().toString()) : tr("Not serving");
    if (!m_access.problem().isEmpty())
        status += u"\n"_s + m_access.problem();
    m_status->setText(status);
    m_token->setText(m_access.token());
    m_tokenActions->setEnabled(!m_access.token().isEmpty());
    showSnippet();
}

void AgentAccessPanel::showSnippet()
{
    const QString url = m_access.isRunning() ? m_access.url().toString()
                                             : u"http://127.0.0.1:%1/mcp"_s.arg(m_port->value());
    const QString token = m_access.token().isEmpty() ? tr("<token: start serving first>") : m_access.token();
    switch (Client(m_client->currentIndex())) {
    case LettaCode:
        m_snippet->setPlainText(u"/mcp add --transport http lettascope %1 --header \"Authorization: Bearer %2\""_s
                                    .arg(url, token));
        break;
    case LettaServer: {
        const QJsonObject config{{u"server_name"_s, u"lettascope"_s}, {u"type"_s, u"streamable_http"_s},
                                 {u"server_url"_s, url}, {u"auth_header"_s, u"Authorization"_s},
                                 {u"auth_token"_s, QString(u"Bearer "_s + token)}};
        m_snippet->setPlainText(QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Indented)));
        break;
    }
    case Stdio:
        m_snippet->setPlainText(u"lettascope-cli --cache \"%1\" mcp"_s.arg(m_cachePath));
        break;
    }
}

void AgentAccessPanel::showCalls()
{
    m_callCount->setText(tr("%n call(s) since Lettascope started", nullptr, m_access.callCount()));
    m_calls->setStringList(m_access.recentCalls());
}

} // namespace lettascope::ui::settings
