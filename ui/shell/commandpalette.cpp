// SPDX-License-Identifier: MIT
#include "commandpalette.h"

#include "common/whenready.h"
#include "session/cachereader.h"
#include "store/queries/catalogqueries.h"
#include "store/queries/runqueries.h"
#include "ui/common/followsession.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {
constexpr int kMaxHits = 20;

/// The input forwards Up/Down to the list so typing and choosing never need the mouse.
class ArrowForwarder final : public QObject
{
public:
    ArrowForwarder(QListWidget *list, QObject *parent) : QObject(parent), m_list(list) { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
                QCoreApplication::sendEvent(m_list, event);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QListWidget *m_list;
};

// Every enabled command of the menus, submenus included, as the palette shows it.
void collectActions(const QList<QAction *> &actions, const QString &path, QList<PaletteEntry> &entries)
{
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isEnabled())
            continue;
        const QString title = action->text().remove(u'&');
        if (QMenu *menu = action->menu()) {
            collectActions(menu->actions(), path.isEmpty() ? title : path + u" › "_s + title, entries);
            continue;
        }
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        entries << PaletteEntry{PaletteEntry::Kind::Action, {}, title,
                                shortcut.isEmpty() ? path : u"%1 · %2"_s.arg(path, shortcut), action};
    }
}
} // namespace

CommandPalette::CommandPalette(session::Session &session, QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_reader(session.reader())
    , m_menus(menus)
    , m_input(new QLineEdit(this))
    , m_results(new QListWidget(this))
{
    qRegisterMetaType<PaletteEntry>();
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Go to…"));
    setAccessibleName(tr("Command palette"));
    m_input->setObjectName(u"paletteInput"_s);
    m_input->setAccessibleName(tr("Command or name"));
    m_input->setPlaceholderText(tr("Agent or run name/id, a tab, or a command"));
    m_results->setObjectName(u"paletteResults"_s);
    m_results->setAccessibleName(tr("Matches"));
    m_input->installEventFilter(new ArrowForwarder(m_results, this));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_results);
    resize(560, 380);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::update);
    connect(m_input, &QLineEdit::returnPressed, this, &CommandPalette::choose);
    connect(m_results, &QListWidget::itemActivated, this, &CommandPalette::choose);
    followSession(session, this);
}

void CommandPalette::open()
{
    m_commands.clear();
    collectActions(m_menus->actions(), QString(), m_commands);
    m_input->clear();
    update();
    QDialog::open();
    m_input->setFocus();
}

void CommandPalette::update()
{
    const QString text = m_input->text().trimmed();
    QList<PaletteEntry> found;
    for (const PaletteEntry &entry : std::as_const(m_commands)) {
        if (text.isEmpty() || entry.title.contains(text, Qt::CaseInsensitive))
            found << entry;
    }
    showEntries(found);
    if (text.isEmpty() || m_serverId == 0)
        return;
    const Generation::Token generation = m_generation.next();
    const auto lookUp = [serverId = m_serverId, text](store::Database &db) -> Result<QList<PaletteEntry>> {
        QList<PaletteEntry> hits;
        auto agents = store::listAgents(db, serverId);
        if (!agents)
            return agents.error();
        for (const auto &a : std::as_const(*agents)) {
            const bool matches = a.agent.name.contains(text, Qt::CaseInsensitive) || a.agent.id.startsWith(text);
            if (hits.size() < kMaxHits && matches) {
                hits << PaletteEntry{PaletteEntry::Kind::Agent, a.agent.id, a.agent.name,
                                     QObject::tr("agent · %1").arg(a.agent.id)};
            }
        }
        store::RunQuery q;
        q.serverId = serverId;
        q.text = text;
        q.limit = kMaxHits;
        auto runs = store::listRuns(db, q);
        if (!runs)
            return runs.error();
        for (const auto &r : std::as_const(*runs))
            hits << PaletteEntry{PaletteEntry::Kind::Run, r.run.id, r.run.id,
                                 QObject::tr("run · %1 · %2").arg(r.agentName, runStatusToString(r.run.status))};
        return hits;
    };
    const auto showHits = [this, generation, found](const Result<QList<PaletteEntry>> &hits) {
        if (m_generation.isCurrent(generation) && hits)
            showEntries(found + *hits);
    };
    whenReady(m_reader.read<QList<PaletteEntry>>(lookUp), this, showHits);
}

void CommandPalette::showEntries(const QList<PaletteEntry> &found)
{
    m_shown = found;
    m_results->clear();
    for (const PaletteEntry &entry : found)
        new QListWidgetItem(entry.detail.isEmpty() ? entry.title : entry.title + u"    "_s + entry.detail, m_results);
    m_results->setCurrentRow(found.isEmpty() ? -1 : 0);
}

void CommandPalette::choose()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_shown.size())
        return;
    const PaletteEntry entry = m_shown.at(row);
    accept();
    switch (entry.kind) {
    case PaletteEntry::Kind::Action:
        if (entry.action)
            entry.action->trigger();
        return;
    case PaletteEntry::Kind::Agent: Q_EMIT openAgent(entry.id); return;
    case PaletteEntry::Kind::Run: Q_EMIT openRun(entry.id); return;
    }
}

} // namespace lettascope::ui
