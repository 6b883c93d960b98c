// SPDX-License-Identifier: MIT
#include "searchdialog.h"

#include "common/whenready.h"
#include "session/cachereader.h"
#include "store/queries/searchqueries.h"
#include "ui/common/followsession.h"
#include "ui/common/format.h"
#include "ui/common/viewsetup.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui::search {

namespace {
constexpr int kLimit = 200;
}

SearchDialog::SearchDialog(session::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_reader(session.reader())
    , m_input(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_results(new QTreeWidget(this))
{
    setObjectName(u"searchDialog"_s);
    setWindowTitle(tr("Search messages"));
    m_input->setObjectName(u"searchInput"_s);
    m_input->setAccessibleName(tr("Search text"));
    m_input->setPlaceholderText(tr("Words in messages, reasoning, tool names, arguments or returns"));
    m_results->setObjectName(u"searchResults"_s);
    m_results->setAccessibleName(tr("Search results"));
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setHeaderLabels({tr("Match"), tr("Type"), tr("Agent"), tr("When"), tr("Run")});
    m_results->setColumnWidth(0, 420);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    resize(900, 520);

    viewsetup::onTypingSettled(m_input, this, [this] { search(); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (m_results->topLevelItemCount() > 0) {
            m_results->setFocus();
            m_results->setCurrentItem(m_results->topLevelItem(0));
        }
    });
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString runId = item->data(0, Qt::UserRole).toString();
        if (runId.isEmpty())
            return;
        accept();
        Q_EMIT openRun(runId);
    });
    followSession(session, this);
}

void SearchDialog::search()
{
    const QString text = m_input->text().trimmed();
    const Generation::Token generation = m_generation.next();
    if (text.isEmpty()) {
        m_results->clear();
        m_status->clear();
        return;
    }
    m_status->setText(tr("Searching…"));
    whenReady(m_reader.read<QList<store::MessageSearchHit>>([serverId = m_serverId, text](store::Database &db) {
        return store::searchMessages(db, serverId, text, kLimit);
    }), this, [this, generation](const Result<QList<store::MessageSearchHit>> &hits) {
        if (!m_generation.isCurrent(generation))
            return;
        m_results->clear();
        if (!hits) {
            m_status->setText(tr("Search failed: %1").arg(hits.error().message));
            return;
        }
        m_status->setText(hits->isEmpty() ? tr("No messages match.")
                                          : tr("%1 matches%2").arg(hits->size()).arg(hits->size() == kLimit ? tr(" (first %1)").arg(kLimit) : QString()));
        for (const auto &hit : *hits) {
            auto *item = new QTreeWidgetItem(m_results, {hit.snippet.simplified(), hit.message.messageType, hit.agentName,
                                                         format::time(hit.message.dateMs), hit.message.runId});
            item->setData(0, Qt::UserRole, hit.message.runId);
            item->setToolTip(0, hit.snippet);
        }
    });
}

} // namespace lettascope::ui::search
