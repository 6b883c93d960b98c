// SPDX-License-Identifier: MIT
#include "profileseditor.h"

#include "common/whenready.h"
#include "net/credentialstore.h"
#include "letta/profilestore.h"
#include "session/session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace lettascope::ui::settings {

namespace {
QPushButton *button(QWidget *parent, const QString &text, const QString &name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}
} // namespace

ProfilesEditor::ProfilesEditor(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(u"profilesEditor"_s);
    m_list->setObjectName(u"profilesList"_s);
    m_list->setAccessibleName(tr("Server profiles"));
    m_name->setObjectName(u"profileName"_s);
    m_url->setObjectName(u"profileUrl"_s);
    m_url->setPlaceholderText(u"https://api.letta.com or http://localhost:8283"_s);
    m_kind->setObjectName(u"profileKind"_s);
    m_kind->setAccessibleName(tr("Server kind"));
    m_kind->addItem(tr("Letta server (REST: Letta Cloud, self-hosted)"), int(letta::ServerKind::LettaRest));
    m_kind->addItem(tr("Letta Code App Server (ws://host:port)"), int(letta::ServerKind::LettaAppServer));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const bool appServer = currentKind() == letta::ServerKind::LettaAppServer;
        m_url->setPlaceholderText(appServer ? u"ws://127.0.0.1:8283"_s : u"https://api.letta.com or http://localhost:8283"_s);
        m_project->setEnabled(!appServer);
    });
    m_project->setObjectName(u"profileProject"_s);
    m_project->setPlaceholderText(tr("Letta Cloud project id (optional)"));
    m_token->setObjectName(u"profileToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Unchanged (stored in the system keychain)"));
    m_result->setObjectName(u"profileTestResult"_s);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&URL"), m_url);
    form->addRow(tr("&Project"), m_project);
    form->addRow(tr("&Token"), m_token);
    auto *buttons = new QHBoxLayout;
    auto *add = button(this, tr("New"), u"profileNew"_s);
    auto *saveButton = button(this, tr("Save"), u"profileSave"_s);
    auto *testButton = button(this, tr("Test connection"), u"profileTest"_s);
    m_use = button(this, tr("Use this server"), u"profileUse"_s);
    m_remove = button(this, tr("Remove"), u"profileRemove"_s);
    for (auto *b : {add, saveButton, testButton, m_use, m_remove})
        buttons->addWidget(b);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(buttons);
    right->addWidget(m_result);
    right->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(right, 2);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        showProfile(row >= 0 ? m_list->item(row)->data(Qt::UserRole).toString() : QString());
    });
    connect(add, &QPushButton::clicked, this, &ProfilesEditor::startNew);
    connect(saveButton, &QPushButton::clicked, this, &ProfilesEditor::save);
    connect(testButton, &QPushButton::clicked, this, &ProfilesEditor::test);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesEditor::remove);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (!m_editingId.isEmpty())
            m_session.activate(m_editingId);
    });
    connect(&m_session.profiles(), &letta::ProfileStore::profilesChanged, this, &ProfilesEditor::reloadList);
    reloadList();
}

void ProfilesEditor::reloadList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const auto &p : m_session.profiles().profiles()) {
        auto *item = new QListWidgetItem(u"%1 — %2"_s.arg(p.name, p.baseUrl.toString()), m_list);
        item->setData(Qt::UserRole, p.id);
        if (p.id == m_editingId)
            m_list->setCurrentItem(item);
    }
    if (m_list->count() == 0) {
        auto *empty = new QListWidgetItem(tr("No servers yet.\nFill in the form and press Save."), m_list);
        empty->setFlags(Qt::NoItemFlags); // an empty state, not a choice
    }
    updateActions();
}

void ProfilesEditor::updateActions()
{
    m_use->setEnabled(!m_editingId.isEmpty());
    m_remove->setEnabled(!m_editingId.isEmpty());
}

void ProfilesEditor::startNew()
{
    m_list->clearSelection();
    showProfile({});
    m_name->setFocus();
}

letta::ServerKind ProfilesEditor::currentKind() const
{
    return letta::ServerKind(m_kind->currentData().toInt());
}

void ProfilesEditor::showProfile(const QString &id)
{
    m_editingId = id;
    const auto profile = m_session.profiles().profile(id);
    m_name->setText(profile ? profile->name : QString());
    m_kind->setCurrentIndex(m_kind->findData(int(profile ? profile->kind : letta::ServerKind::LettaRest)));
    m_url->setText(profile ? profile->baseUrl.toString() : QString());
    m_project->setText(profile ? profile->projectId : QString());
    m_token->clear();
    m_result->clear();
    updateActions();
}

void ProfilesEditor::save()
{
    auto existing = m_session.profiles().profile(m_editingId);
    letta::ServerProfile profile = existing ? *existing : letta::ServerProfile::create(m_name->text(), {});
    profile.name = m_name->text().trimmed();
    profile.kind = currentKind();
    profile.baseUrl = QUrl::fromUserInput(m_url->text().trimmed());
    profile.projectId = m_project->text().trimmed();
    if (auto saved = m_session.profiles().save(profile); !saved) {
        QMessageBox::warning(this, tr("Save server"), saved.error().message);
        return;
    }
    m_editingId = profile.id;
    reloadList();
    if (m_token->text().isEmpty()) {
        m_result->setText(tr("Saved."));
        return;
    }
    whenReady(m_session.credentials().writeToken(profile.id, m_token->text()), this, [this](const Status &written) {
        if (!written)
            QMessageBox::warning(this, tr("Save token"),
                                 tr("The profile was saved, but its token could not be kept in the system "
                                    "keychain.\n\n%1").arg(written.error().message));
        else
            m_result->setText(tr("Saved; the token is in the system keychain."));
    });
    m_token->clear();
}

void ProfilesEditor::remove()
{
    if (m_editingId.isEmpty())
        return;
    const QString id = m_editingId;
    m_session.profiles().remove(id);
    m_session.credentials().deleteToken(id);
    showProfile({});
}

void ProfilesEditor::test()
{
    letta::ServerProfile profile;
    // What the form says, saved or not: a profile not saved yet has no id of its own to test under.
    profile.id = m_editingId.isEmpty() ? u"connection-test"_s : m_editingId;
    profile.name = m_name->text().trimmed();
    profile.kind = currentKind();
    profile.baseUrl = QUrl::fromUserInput(m_url->text().trimmed());
    profile.projectId = m_project->text().trimmed();
    if (auto valid = profile.validate(); !valid) {
        m_result->setText(valid.error().message);
        return;
    }
    m_result->setText(tr("Testing…"));
    const auto probe = [this, profile](const QString &token) {
        whenReady(m_session.testConnection(profile, token), this, [this](const Result<letta::ServerInfo> &info) {
            m_result->setText(info ? tr("Connected: Letta %1 (%2)").arg(info->version, info->status)
                                   : tr("Failed: %1").arg(info.error().toString()));
        });
    };
    if (!m_token->text().isEmpty() || m_editingId.isEmpty()) {
        probe(m_token->text());
        return;
    }
    whenReady(m_session.credentials().readToken(m_editingId), this, [probe](const Result<net::StoredToken> &token) {
        probe(token ? token->token : QString());
    });
}

} // namespace lettascope::ui::settings
