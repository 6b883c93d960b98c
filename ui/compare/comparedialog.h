// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTreeWidget;

namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui::compare {

/// Two runs side by side: figures, tool-call sequence and message mix, with differences marked.
class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)
public:
    CompareDialog(session::CacheReader &reader, qint64 serverId, const QString &leftRunId, const QString &rightRunId,
                  QWidget *parent = nullptr);
    QTreeWidget *table() const { return m_table; }

Q_SIGNALS:
    void loaded();

private:
    QTreeWidget *m_table = nullptr;
};

} // namespace lettascope::ui::compare
