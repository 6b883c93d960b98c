// SPDX-License-Identifier: MIT
#include "agentspage.h"

#include "agentdetailtext.h"
#include "common/whenready.h"
#include "session/cachereader.h"
#include "store/queries/catalogqueries.h"
#include "store/queries/detailqueries.h"
#include "ui/common/followsession.h"
#include "ui/common/format.h"
#include "ui/common/listpanel.h"
#include "ui/common/recordmodel.h"
#include "ui/common/viewsetup.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(lettascope::store::AgentSummary)

namespace lettascope::ui::agents {

namespace {
struct AgentDetail {
    Agent agent;
    QList<Message> recent;
};

TableRow agentRow(const store::AgentSummary &s)
{
    TableRow row;
    row.key = s.agent.id;
    row.cells = {s.agent.name, s.agent.model, s.agent.agentType, s.agent.tags.join(u", "_s), format::time(s.lastRunMs),
                 s.lastRunStopReason, QString::number(s.runCount), QString::number(s.failedRuns), s.agent.id};
    row.payload = QVariant::fromValue(s);
    return row;
}
} // namespace

AgentsPage::AgentsPage(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_reader(session.reader())
    , m_list(new ListPanel(u"agents"_s, tr("agents"),
                           {tr("Name"), tr("Model"), tr("Type"), tr("Tags"), tr("Last run"), tr("Last stop reason"),
                            tr("Runs"), tr("Failed"), tr("Agent id")},
                           session.reader(), this))
    , m_text(new QLineEdit(this))
    , m_detail(new QPlainTextEdit(this))
    , m_showRuns(new QPushButton(tr("Show runs"), this))
{
    setObjectName(u"agentsPage"_s);
    m_text->setObjectName(u"agentsTextFilter"_s);
    m_text->setAccessibleName(tr("Filter agents"));
    m_text->setPlaceholderText(tr("Filter: name, model, tag, id… (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    m_detail->setObjectName(u"agentDetail"_s);
    m_detail->setAccessibleName(tr("Agent detail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an agent to see its prompt, memory and tools."));
    m_showRuns->setObjectName(u"agentShowRuns"_s);
    m_showRuns->setEnabled(false);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(m_showRuns, 0, Qt::AlignRight);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(viewsetup::listDetailSplit(u"agentsSplit"_s, m_list, detailPane, this), 1);

    viewsetup::onTypingSettled(m_text, this, [this] { requery(); });
    connect(m_list->model(), &RecordModel::sortRequested, this, &AgentsPage::requery);
    connect(m_list, &ListPanel::currentChanged, this, [this](const QVariant &payload) {
        if (payload.canConvert<store::AgentSummary>())
            showDetail(payload.value<store::AgentSummary>().agent.id);
    });
    connect(m_list, &ListPanel::activated, this, [this] { Q_EMIT showRunsRequested(m_agentId); });
    connect(m_showRuns, &QPushButton::clicked, this, [this] { Q_EMIT showRunsRequested(m_agentId); });
    followSession(session, this);
}

void AgentsPage::setServer(qint64 serverId)
{
    m_serverId = serverId;
    requery();
}

void AgentsPage::requery()
{
    if (m_serverId == 0)
        return;
    const int sortColumn = m_list->model()->sortColumn();
    const bool descending = m_list->model()->sortOrder() == Qt::DescendingOrder;
    // Agents number in the tens or hundreds: the list query is small, filtering and sorting happen with it on
    // the reader thread, and the window is a slice.
    m_list->loader()->setFetch([serverId = m_serverId, text = m_text->text().trimmed(), sortColumn,
                                descending](store::Database &db, qint64 offset, qint64 limit) -> Result<RowWindow> {
        auto agents = store::listAgents(db, serverId);
        if (!agents)
            return agents.error();
        QList<TableRow> rows;
        for (const auto &a : std::as_const(*agents)) {
            TableRow row = agentRow(a);
            if (text.isEmpty() || row.cells.join(u' ').contains(text, Qt::CaseInsensitive))
                rows << row;
        }
        if (sortColumn >= 0) {
            std::stable_sort(rows.begin(), rows.end(), [sortColumn, descending](const TableRow &a, const TableRow &b) {
                const int cmp = QString::localeAwareCompare(a.cells.value(sortColumn), b.cells.value(sortColumn));
                return descending ? cmp > 0 : cmp < 0;
            });
        }
        return RowWindow{rows.mid(offset, limit), rows.size()};
    });
}

void AgentsPage::cacheChanged(const store::ChangeSet &changes)
{
    if (changes.has(store::ChangeSet::Agents) || changes.has(store::ChangeSet::Runs)) {
        m_list->loader()->refresh();
        if (changes.agentIds.contains(m_agentId))
            showDetail(m_agentId);
    }
}

void AgentsPage::openAgent(const QString &agentId)
{
    if (!m_list->selectKey(agentId))
        showDetail(agentId);
}

void AgentsPage::focusFilter()
{
    m_text->setFocus();
    m_text->selectAll();
}

void AgentsPage::showDetail(const QString &agentId)
{
    m_agentId = agentId;
    m_showRuns->setEnabled(!agentId.isEmpty());
    const Generation::Token generation = m_detailGeneration.next();
    whenReady(m_reader.read<std::optional<AgentDetail>>([serverId = m_serverId, agentId](store::Database &db) -> Result<std::optional<AgentDetail>> {
        auto agent = store::findAgent(db, serverId, agentId);
        if (!agent)
            return agent.error();
        if (!*agent)
            return std::optional<AgentDetail>();
        store::MessageQuery q;
        q.serverId = serverId;
        q.agentId = agentId;
        q.limit = 20;
        auto recent = store::listMessages(db, q);
        return std::optional<AgentDetail>(AgentDetail{**agent, recent ? *recent : QList<Message>()});
    }), this, [this, generation, agentId](const Result<std::optional<AgentDetail>> &detail) {
        if (!m_detailGeneration.isCurrent(generation))
            return;
        if (!detail)
            m_detail->setPlainText(tr("Could not load agent %1: %2").arg(agentId, detail.error().message));
        else if (!*detail)
            m_detail->setPlainText(tr("Agent %1 is not in the cache.").arg(agentId));
        else
            m_detail->setPlainText(agentDetailText((*detail)->agent, (*detail)->recent));
    });
}

} // namespace lettascope::ui::agents
