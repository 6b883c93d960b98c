// SPDX-License-Identifier: MIT
#include "rundetailview.h"

#include "common/logging.h"
#include "common/whenready.h"
#include "session/cachereader.h"
#include "timelinetext.h"
#include "ui/common/errorbanner.h"
#include "ui/common/format.h"
#include "waterfall.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui::runs {

namespace {
constexpr int MessageIndexRole = Qt::UserRole + 1;

QString usageLine(const store::RunSummary &s)
{
    return QObject::tr("Tokens: %1 total · prompt %2 · completion %3 · cached %4 · reasoning %5")
        .arg(format::count(s.totalTokens), format::count(s.promptTokens), format::count(s.completionTokens),
             format::count(s.cachedTokens), format::count(s.reasoningTokens));
}
} // namespace

RunDetailView::RunDetailView(session::CacheReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_banner(new ErrorBanner(this))
    , m_header(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_timeline(new QTreeWidget(this))
    , m_messageText(new QPlainTextEdit(this))
    , m_showAll(new QPushButton(tr("Show all"), this))
    , m_waterfall(new WaterfallWidget(this))
    , m_raw(new QPlainTextEdit(this))
{
    setObjectName(u"runDetail"_s);
    m_header->setObjectName(u"runHeader"_s);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setText(tr("Select a run to see its timeline."));

    m_timeline->setObjectName(u"runTimeline"_s);
    m_timeline->setAccessibleName(tr("Run timeline"));
    m_timeline->setHeaderLabels({tr("Message"), tr("Time"), tr("Content")});
    m_timeline->setUniformRowHeights(true);
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setColumnWidth(0, 170);
    m_timeline->setColumnWidth(1, 80);
    for (QPlainTextEdit *text : {m_messageText, m_raw}) {
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    }
    m_messageText->setObjectName(u"messageText"_s);
    m_messageText->setAccessibleName(tr("Message text"));
    m_raw->setObjectName(u"runRawJson"_s);
    m_raw->setAccessibleName(tr("Run raw JSON"));
    m_showAll->setObjectName(u"showAllButton"_s);
    m_showAll->hide();

    auto *messagePane = new QWidget(this);
    auto *messageLayout = new QVBoxLayout(messagePane);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_messageText, 1);
    messageLayout->addWidget(m_showAll, 0, Qt::AlignRight);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"runTimelineSplit"_s);
    split->addWidget(m_timeline);
    split->addWidget(messagePane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_waterfall);
    scroll->setWidgetResizable(true);
    m_tabs->setObjectName(u"runDetailTabs"_s);
    m_tabs->addTab(split, tr("Timeline"));
    m_tabs->addTab(scroll, tr("Waterfall"));
    m_tabs->addTab(m_raw, tr("Raw JSON"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);

    connect(m_banner, &ErrorBanner::retryRequested, this, &RunDetailView::load);
    connect(m_timeline, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) { showMessage(item); });
    connect(m_showAll, &QPushButton::clicked, this, [this] {
        const int index = m_timeline->currentItem() ? m_timeline->currentItem()->data(0, MessageIndexRole).toInt() : -1;
        if (index >= 0 && index < m_messages.size())
            m_messageText->setPlainText(messageFullText(m_messages.at(index)));
        m_showAll->hide();
    });
}

void RunDetailView::showRun(qint64 serverId, const QString &runId)
{
    m_serverId = serverId;
    m_runId = runId;
    load();
}

void RunDetailView::clear()
{
    m_generation.next();
    m_runId.clear();
    m_banner->hide();
    m_header->setText(tr("Select a run to see its timeline."));
    m_timeline->clear();
    m_waterfall->setSteps({});
    m_raw->clear();
}

void RunDetailView::runsChanged(const QSet<QString> &runIds)
{
    if (!m_runId.isEmpty() && runIds.contains(m_runId))
        load();
}

void RunDetailView::load()
{
    const Generation::Token generation = m_generation.next();
    whenReady(m_reader
        .read<std::optional<RunDetail>>([serverId = m_serverId, runId = m_runId](store::Database &db) {
            return loadRunDetail(db, serverId, runId);
        }), this, [this, generation](const Result<std::optional<RunDetail>> &detail) {
            if (!m_generation.isCurrent(generation))
                return;
            if (!detail) {
                m_banner->showError(tr("Could not load run %1: %2").arg(m_runId, detail.error().message));
                return;
            }
            m_banner->hide();
            if (!*detail) {
                m_header->setText(tr("Run %1 is not in the cache (yet).").arg(m_runId));
                m_timeline->clear();
                return;
            }
            apply(**detail);
            Q_EMIT loaded(m_runId);
        });
}

void RunDetailView::apply(const RunDetail &detail)
{
    const store::RunSummary &s = detail.summary;
    const Run &run = s.run;
    QStringList header{tr("Run %1 · %2 · agent %3").arg(run.id, runStatusToString(run.status),
                                                          s.agentName.isEmpty() ? run.agentId : s.agentName),
                       tr("Created %1 · duration %2 · %3 steps · %4 messages · stop reason %5")
                           .arg(format::time(run.createdMs), format::durationNs(s.durationNs()))
                           .arg(s.stepCount)
                           .arg(s.messageCount)
                           .arg(run.stopReason.isEmpty() ? u"—"_s : run.stopReason),
                       usageLine(s)};
    if (!run.errorText.isEmpty())
        header << tr("Error: %1").arg(run.errorText);
    m_header->setText(header.join(u'\n'));

    // Keep the selected message across live reloads.
    const QString selectedKey = m_timeline->currentItem() ? m_timeline->currentItem()->data(1, Qt::UserRole).toString() : QString();
    m_messages = detail.messages;
    m_timeline->clear();
    QHash<QString, QTreeWidgetItem *> stepItems;
    for (int i = 0; i < detail.steps.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_timeline, {stepSummary(detail.steps.at(i), i + 1)});
        item->setFirstColumnSpanned(true);
        item->setData(0, MessageIndexRole, -1);
        stepItems.insert(detail.steps.at(i).id, item);
    }
    QTreeWidgetItem *unassigned = nullptr;
    QTreeWidgetItem *restore = nullptr;
    for (int i = 0; i < m_messages.size(); ++i) {
        const Message &m = m_messages.at(i);
        QTreeWidgetItem *parent = stepItems.value(m.stepId);
        if (!parent) {
            if (!unassigned) {
                unassigned = new QTreeWidgetItem({tr("Outside any step")});
                unassigned->setFirstColumnSpanned(true);
                unassigned->setData(0, MessageIndexRole, -1);
                m_timeline->insertTopLevelItem(0, unassigned);
            }
            parent = unassigned;
        }
        const QString kind = m.kind == MessageKind::Unknown ? m.messageType : messageKindLabel(m.kind);
        const QString time = m.dateMs ? QDateTime::fromMSecsSinceEpoch(*m.dateMs).toLocalTime().toString(u"HH:mm:ss"_s) : QString();
        auto *item = new QTreeWidgetItem(parent, {kind, time, messageSummary(m)});
        item->setData(0, MessageIndexRole, i);
        const QString key = m.id + u'/' + m.messageType + u'/' + m.otid;
        item->setData(1, Qt::UserRole, key);
        if (m.isError || (m.kind == MessageKind::ToolReturn && !m.toolReturns.isEmpty() && m.toolReturns.first().status == u"error"))
            item->setForeground(2, QColor(0xe0, 0x20, 0x60));
        if (key == selectedKey)
            restore = item;
    }
    m_timeline->expandAll();
    if (restore)
        m_timeline->setCurrentItem(restore);
    m_waterfall->setSteps(detail.steps);
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(run.raw).toJson(QJsonDocument::Indented)));
}

void RunDetailView::showMessage(QTreeWidgetItem *item)
{
    const int index = item ? item->data(0, MessageIndexRole).toInt() : -1;
    if (index < 0 || index >= m_messages.size()) {
        m_messageText->setPlainText(item ? item->text(0) : QString());
        m_showAll->hide();
        return;
    }
    const QString text = messageFullText(m_messages.at(index));
    if (text.size() > TruncateChars) {
        m_messageText->setPlainText(text.left(TruncateChars) + tr("\n\n… %L1 more characters").arg(text.size() - TruncateChars));
        m_showAll->show();
    } else {
        m_messageText->setPlainText(text);
        m_showAll->hide();
    }
}

} // namespace lettascope::ui::runs
