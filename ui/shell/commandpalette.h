// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui {

/// One thing Ctrl+K can do: run a command, switch tab, open an agent or a run.
struct PaletteEntry {
    enum class Kind { Command, Agent, Run };
    Kind kind = Kind::Command;
    QString id;         ///< command key, agent id or run id
    QString title;
    QString detail;
};

/**
 * Ctrl+K: type to filter commands and tabs; agents and runs matching the text (by name or id) are looked
 * up in the cache on the reader thread as you type. Enter runs the highlighted entry.
 */
class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    CommandPalette(session::CacheReader &reader, QWidget *parent = nullptr);

    void setCommands(const QList<PaletteEntry> &commands) { m_commands = commands; }
    void setServer(qint64 serverId) { m_serverId = serverId; }
    /// Clears the text and shows the palette.
    void open() override;

    QLineEdit *input() const { return m_input; }
    QListWidget *results() const { return m_results; }

Q_SIGNALS:
    void chosen(const lettascope::ui::PaletteEntry &entry);

private:
    void update();
    void showEntries(const QList<PaletteEntry> &found);
    void choose();

    session::CacheReader &m_reader;
    qint64 m_serverId = 0;
    int m_generation = 0;
    QList<PaletteEntry> m_commands;
    QList<PaletteEntry> m_shown;
    QLineEdit *m_input = nullptr;
    QListWidget *m_results = nullptr;
};

} // namespace lettascope::ui

Q_DECLARE_METATYPE(lettascope::ui::PaletteEntry)
