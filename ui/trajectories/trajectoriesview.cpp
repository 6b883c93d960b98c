// SPDX-License-Identifier: MIT
#include "trajectoriesview.h"

#include "detailhtml.h"
#include "trajectories/scoretext.h"
#include "trajectories/search/searchtypes.h"
#include "trajectories/trajectorylistmodel.h"
#include "trajectories/trajectoryqueries.h"
#include "trajectories/trajectoryservice.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui::trajectories {

using namespace lettascope::trajectories;

namespace {

constexpr int kContrastsPerTier = 10;

void fill(QListWidget *list, const QList<SearchHit> &hits)
{
    list->clear();
    for (const SearchHit &hit : hits) {
        auto *item = new QListWidgetItem(u"%1 · %2 · %3"_s.arg(scoreText(hit.row.score), hit.row.runId,
                                                                hit.row.summary.section(u'\n', 0, 0).left(160)),
                                         list);
        item->setData(Qt::UserRole, hit.row.rowId);
        item->setToolTip(u"similarity %1"_s.arg(hit.score, 0, 'f', 2));
    }
}

/// A score's upper bound whose maximum, one step past 1.0, reads "any" (QDoubleSpinBox's special value
/// text only names the minimum).
class UpperBoundSpinBox final : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        return value > 1.0 ? tr("any") : QDoubleSpinBox::textFromValue(value);
    }
    double valueFromText(const QString &text) const override
    {
        return text == tr("any") ? maximum() : QDoubleSpinBox::valueFromText(text);
    }
    QValidator::State validate(QString &text, int &pos) const override
    {
        if (tr("any").startsWith(text))
            return text == tr("any") ? QValidator::Acceptable : QValidator::Intermediate;
        return QDoubleSpinBox::validate(text, pos);
    }
};

} // namespace

TrajectoriesView::TrajectoriesView(TrajectoryService &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new TrajectoryListModel(service.reader(), this))
{
    m_list = new QTableView(this);
    m_list->setObjectName(u"trajectoryList"_s);
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(TrajectoryListModel::SummaryColumn, QHeaderView::Stretch);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(u"detailView"_s);
    m_reprocess = new QPushButton(tr("Re-process"), this);
    m_reprocess->setObjectName(u"reprocessButton"_s);
    m_humanScore = new QDoubleSpinBox(this);
    m_humanScore->setObjectName(u"humanScore"_s);
    m_humanScore->setRange(-0.01, 1.0);
    m_humanScore->setSingleStep(0.1);
    m_humanScore->setSpecialValueText(tr("no score")); // at the minimum: a 0.00 stays a real score
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"annotationNote"_s);
    m_note->setPlaceholderText(tr("Your note"));
    m_save = new QPushButton(tr("Save annotation"), this);
    m_save->setObjectName(u"saveAnnotation"_s);

    auto *annotation = new QHBoxLayout;
    annotation->addWidget(m_humanScore);
    annotation->addWidget(m_note, 1);
    annotation->addWidget(m_save);
    annotation->addWidget(m_reprocess);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addLayout(annotation);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildFilterBar());
    m_pinnedTitle = new QLabel(this);
    m_pinnedTitle->setObjectName(u"pinnedFilter"_s);
    m_clearPinned = new QPushButton(tr("Clear"), this);
    m_clearPinned->setObjectName(u"clearPinnedFilter"_s);
    auto *pinned = new QHBoxLayout;
    pinned->addWidget(m_pinnedTitle, 1);
    pinned->addWidget(m_clearPinned);
    leftLayout->addLayout(pinned);
    m_pinnedTitle->hide();
    m_clearPinned->hide();
    leftLayout->addWidget(m_list, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(detailPane);
    right->addWidget(buildContrastsPanel());
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"trajectoriesSplitter"_s);
    splitter->addWidget(left);
    splitter->addWidget(right);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrajectoriesView::onSelectionChanged);
    connect(m_search, &QLineEdit::returnPressed, this, &TrajectoriesView::requestContrasts);
    connect(m_save, &QPushButton::clicked, this, &TrajectoriesView::saveAnnotation);
    connect(m_clearPinned, &QPushButton::clicked, this, &TrajectoriesView::clearPinned);
    connect(m_model, &TrajectoryListModel::refreshed, this, &TrajectoriesView::selectOpened);
    connect(m_reprocess, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedTrajectory())
            m_service.reprocess({id});
    });
    connect(&service, &TrajectoryService::trajectoriesChanged, m_model, &TrajectoryListModel::refresh);
    connect(&service, &TrajectoryService::detailLoaded, this, &TrajectoriesView::onDetailLoaded);
    connect(&service, &TrajectoryService::contrastsFinished, this, &TrajectoriesView::onContrastsFinished);
    connect(&service, &TrajectoryService::annotationSaved, this, [this](qint64 id) {
        if (id == selectedTrajectory())
            m_detailRequest = m_service.loadDetail(id);
    });
    onSelectionChanged();
    applyFilters();
}

TrajectoriesView::~TrajectoriesView() = default;

QWidget *TrajectoriesView::buildFilterBar()
{
    auto *bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search trajectories by meaning and keywords (Enter)"));
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(bar);
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("Any status"), QString());
    for (const QString &status : {u"completed"_s, u"incomplete"_s, u"failed"_s, u"unknown"_s})
        m_status->addItem(status, status);
    m_minScore = new QDoubleSpinBox(bar);
    m_minScore->setObjectName(u"minScore"_s);
    m_minScore->setRange(-0.01, 1.0); // the minimum means "no lower bound"; 0.00 is a real bound
    m_minScore->setSingleStep(0.1);
    m_minScore->setSpecialValueText(tr("any"));
    m_minScore->setValue(-0.01);
    m_maxScore = new UpperBoundSpinBox(bar);
    m_maxScore->setObjectName(u"maxScore"_s);
    m_maxScore->setRange(0.0, 1.01); // the maximum means "no upper bound"
    m_maxScore->setSingleStep(0.1);
    m_maxScore->setValue(1.01);
    m_tags = new QLineEdit(bar);
    m_tags->setObjectName(u"tagFilter"_s);
    m_tags->setPlaceholderText(tr("tags, all must match"));

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Score"), bar));
    layout->addWidget(m_minScore);
    layout->addWidget(m_maxScore);
    layout->addWidget(m_tags, 1);
    connect(m_status, &QComboBox::currentIndexChanged, this, &TrajectoriesView::applyFilters);
    connect(m_minScore, &QDoubleSpinBox::valueChanged, this, &TrajectoriesView::applyFilters);
    connect(m_maxScore, &QDoubleSpinBox::valueChanged, this, [this] {
        m_pinned.maxExclusive = false; // a bound typed here is inclusive, like the spin box says
        applyFilters();
    });
    connect(m_tags, &QLineEdit::editingFinished, this, &TrajectoriesView::applyFilters);
    return bar;
}

QWidget *TrajectoriesView::buildContrastsPanel()
{
    auto *panel = new QGroupBox(tr("Contrasts"), this);
    m_contrastsTitle = new QLabel(panel);
    m_contrastsTitle->setObjectName(u"contrastsTitle"_s);
    m_contrastsTitle->setWordWrap(true);
    auto tier = [panel](const QString &title, const QString &name) {
        auto *list = new QListWidget(panel);
        list->setObjectName(name);
        auto *box = new QGroupBox(title, panel);
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(list);
        return std::pair{box, list};
    };
    auto [successBox, successes] = tier(tr("Successes (score ≥ 0.70)"), u"successesList"_s);
    auto [moderateBox, moderate] = tier(tr("Moderate (0.30 < score < 0.70)"), u"moderateList"_s);
    auto [failureBox, failures] = tier(tr("Failures (score ≤ 0.30)"), u"failuresList"_s);
    m_successes = successes;
    m_moderate = moderate;
    m_failures = failures;
    auto *tiers = new QHBoxLayout;
    tiers->addWidget(successBox);
    tiers->addWidget(moderateBox);
    tiers->addWidget(failureBox);
    auto *layout = new QVBoxLayout(panel);
    layout->addWidget(m_contrastsTitle);
    layout->addLayout(tiers);
    return panel;
}

TrajectoryFilters TrajectoriesView::filters() const
{
    TrajectoryFilters f = m_pinned;
    f.executionStatuses.clear();
    f.minScore.reset();
    f.maxScore.reset();
    f.tags.clear();
    if (const QString status = m_status->currentData().toString(); !status.isEmpty())
        f.executionStatuses = {status};
    if (m_minScore->value() >= 0)
        f.minScore = m_minScore->value();
    if (m_maxScore->value() <= 1.0)
        f.maxScore = m_maxScore->value();
    for (const QString &tag : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            f.tags << tag.trimmed();
    }
    return f;
}

void TrajectoriesView::showMatching(const TrajectoryFilters &filters, const QString &title, qint64 trajectoryId)
{
    {
        const QSignalBlocker blockStatus(m_status), blockMin(m_minScore), blockMax(m_maxScore), blockTags(m_tags);
        m_status->setCurrentIndex(qMax(0, m_status->findData(filters.executionStatuses.value(0))));
        m_minScore->setValue(filters.minScore.value_or(m_minScore->minimum()));
        m_maxScore->setValue(filters.maxScore.value_or(m_maxScore->maximum()));
        m_tags->setText(filters.tags.join(u", "_s));
    }
    m_pinned = filters;
    m_pinnedTitle->setText(tr("From Analytics: %1").arg(title));
    m_pinnedTitle->show();
    m_clearPinned->show();
    m_opened = trajectoryId;
    m_list->clearSelection();
    applyFilters();
    if (m_opened != 0) {
        onSelectionChanged();
        selectOpened();
    }
}

void TrajectoriesView::clearPinned()
{
    m_pinned = {};
    m_pinnedTitle->hide();
    m_clearPinned->hide();
    applyFilters();
}

void TrajectoriesView::selectOpened()
{
    if (m_opened == 0)
        return;
    if (const int row = m_model->rowOf(m_opened); row >= 0) {
        m_list->selectRow(row);
        m_list->scrollTo(m_model->index(row, 0));
    }
}

void TrajectoriesView::applyFilters()
{
    TrajectoryQuery query = m_model->query();
    query.filters = filters();
    m_model->setQuery(query);
    if (!m_search->text().trimmed().isEmpty())
        requestContrasts();
}

void TrajectoriesView::requestContrasts()
{
    SearchRequest request;
    request.text = m_search->text().trimmed();
    request.filters = filters();
    request.limit = kContrastsPerTier;
    if (request.text.isEmpty()) {
        const qint64 id = selectedTrajectory();
        if (id == 0)
            return;
        request.likeTrajectory = id;
        m_contrastsTitle->setText(tr("Runs similar to the selected one"));
    } else {
        m_contrastsTitle->setText(tr("Matches for “%1”").arg(request.text));
    }
    m_contrastsRequest = m_service.contrasts(request);
}

qint64 TrajectoriesView::selectedTrajectory() const
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? m_opened : rows.constFirst().data(TrajectoryListModel::TrajectoryIdRole).toLongLong();
}

void TrajectoriesView::onSelectionChanged()
{
    if (!m_list->selectionModel()->selectedRows().isEmpty())
        m_opened = 0; // a row chosen in the list replaces the one opened from Analytics
    const qint64 id = selectedTrajectory();
    for (QWidget *w : {static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_reprocess),
                       static_cast<QWidget *>(m_humanScore), static_cast<QWidget *>(m_note)})
        w->setEnabled(id != 0);
    if (id == 0) {
        m_detail->setPlainText(tr("Select a trajectory to see its turns, outcome, enrichment and decisions."));
        if (m_search->text().trimmed().isEmpty())
            clearContrasts(); // they were about a trajectory no longer selected
        return;
    }
    m_detailRequest = m_service.loadDetail(id);
    if (m_search->text().trimmed().isEmpty())
        requestContrasts();
}

void TrajectoriesView::clearContrasts()
{
    m_contrastsRequest = 0; // a reply still on its way is for the old selection
    m_contrastsTitle->clear();
    for (QListWidget *list : {m_successes, m_moderate, m_failures})
        list->clear();
}

void TrajectoriesView::onDetailLoaded(quint64 requestId, const TrajectoryDetail &detail)
{
    if (requestId != m_detailRequest)
        return;
    m_detail->setHtml(detailHtml(detail));
    m_humanScore->setValue(detail.annotation.humanScore.value_or(m_humanScore->minimum()));
    m_note->setText(detail.annotation.note);
    m_annotationTags = detail.annotation.tags;
}

void TrajectoriesView::onContrastsFinished(quint64 requestId, const Contrasts &contrasts)
{
    if (requestId != m_contrastsRequest)
        return;
    fill(m_successes, contrasts.successes);
    fill(m_moderate, contrasts.moderate);
    fill(m_failures, contrasts.failures);
    if (!contrasts.note.isEmpty())
        m_contrastsTitle->setText(m_contrastsTitle->text() + u" — "_s + contrasts.note);
}

void TrajectoriesView::saveAnnotation()
{
    const qint64 id = selectedTrajectory();
    if (id == 0)
        return;
    Annotation annotation;
    if (m_humanScore->value() >= 0)
        annotation.humanScore = m_humanScore->value();
    annotation.note = m_note->text().trimmed();
    annotation.tags = m_annotationTags;
    m_service.setAnnotation(id, annotation);
}

} // namespace lettascope::ui::trajectories
