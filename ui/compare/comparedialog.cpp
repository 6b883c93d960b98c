// SPDX-License-Identifier: MIT
#include "comparedialog.h"

#include "common/whenready.h"
#include "comparison.h"
#include "session/cachereader.h"

#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui::compare {

namespace {
using Pair = std::pair<std::optional<runs::RunDetail>, std::optional<runs::RunDetail>>;
}

CompareDialog::CompareDialog(session::CacheReader &reader, qint64 serverId, const QString &leftRunId,
                             const QString &rightRunId, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTreeWidget(this))
{
    setObjectName(u"compareDialog"_s);
    setWindowTitle(tr("Compare runs"));
    m_table->setObjectName(u"compareTable"_s);
    m_table->setAccessibleName(tr("Run comparison"));
    m_table->setHeaderLabels({tr(""), leftRunId, rightRunId, tr("Differs")});
    m_table->setColumnWidth(0, 200);
    m_table->setColumnWidth(1, 300);
    m_table->setColumnWidth(2, 300);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    resize(900, 600);

    whenReady(reader.read<Pair>([serverId, leftRunId, rightRunId](store::Database &db) -> Result<Pair> {
        auto left = runs::loadRunDetail(db, serverId, leftRunId);
        if (!left)
            return left.error();
        auto right = runs::loadRunDetail(db, serverId, rightRunId);
        if (!right)
            return right.error();
        return Pair{*left, *right};
    }), this, [this](const Result<Pair> &pair) {
        if (!pair || !pair->first || !pair->second) {
            new QTreeWidgetItem(m_table, {pair ? tr("A run is not in the cache.") : pair.error().message});
            return;
        }
        QHash<QString, QTreeWidgetItem *> sections;
        for (const ComparisonLine &line : compareRuns(*pair->first, *pair->second)) {
            QTreeWidgetItem *&section = sections[line.section];
            if (!section) {
                section = new QTreeWidgetItem(m_table, {line.section});
                section->setFirstColumnSpanned(true);
            }
            auto *item = new QTreeWidgetItem(section, {line.label, line.left, line.right, line.differs ? u"≠"_s : QString()});
            if (line.differs)
                for (int c = 1; c < 4; ++c)
                    item->setForeground(c, QColor(0xe0, 0x80, 0x00));
        }
        m_table->expandAll();
        Q_EMIT loaded();
    });
}

} // namespace lettascope::ui::compare
