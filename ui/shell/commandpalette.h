// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"

#include <QDialog>
#include <QPointer>

class QAction;
class QLineEdit;
class QListWidget;
class QMenuBar;

namespace lettascope::session {
class CacheReader;
class Session;
}

namespace lettascope::ui {

/// One thing Ctrl+K can do: trigger one of the window's actions, open an agent or a run.
struct PaletteEntry {
    enum class Kind { Action, Agent, Run };
    Kind kind = Kind::Action;
    QString id;         ///< agent or run id
    QString title;
    QString detail;
    QPointer<QAction> action;
};

/**
 * Ctrl+K: type to filter the window's menu actions (every command the menus have, with its shortcut, so
 * the palette can never offer one the menus lack or disagree with them); agents and runs matching the
 * text (by name or id) are looked up in the cache on the reader thread as you type. Enter runs the
 * highlighted entry.
 */
class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    /// Lists the actions of `menus` (read each time the palette opens) and the session's agents and runs.
    CommandPalette(session::Session &session, QMenuBar *menus, QWidget *parent = nullptr);

    void setServer(qint64 serverId) { m_serverId = serverId; }
    /// Clears the text and shows the palette.
    void open() override;

    QLineEdit *input() const { return m_input; }
    QListWidget *results() const { return m_results; }

Q_SIGNALS:
    /// An agent or a run was chosen (actions are triggered directly).
    void openAgent(const QString &agentId);
    void openRun(const QString &runId);

private:
    void update();
    void showEntries(const QList<PaletteEntry> &found);
    void choose();

    session::CacheReader &m_reader;
    QMenuBar *m_menus;
    qint64 m_serverId = 0;
    Generation m_generation;
    QList<PaletteEntry> m_commands;
    QList<PaletteEntry> m_shown;
    QLineEdit *m_input = nullptr;
    QListWidget *m_results = nullptr;
};

} // namespace lettascope::ui

Q_DECLARE_METATYPE(lettascope::ui::PaletteEntry)
