// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace lettascope::session {
class CacheReader;
class Session;
}

namespace lettascope::ui::search {

/// Ctrl+Shift+F: full-text search over every cached message and tool call; a hit opens its run.
class SearchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchDialog)
public:
    explicit SearchDialog(session::Session &session, QWidget *parent = nullptr);
    void setServer(qint64 serverId) { m_serverId = serverId; }
    QTreeWidget *results() const { return m_results; }
    QLineEdit *input() const { return m_input; }

Q_SIGNALS:
    void openRun(const QString &runId);

private:
    void search();

    session::CacheReader &m_reader;
    qint64 m_serverId = 0;
    Generation m_generation;
    QLineEdit *m_input = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_results = nullptr;
};

} // namespace lettascope::ui::search
