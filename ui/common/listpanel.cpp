// SPDX-License-Identifier: MIT
#include "listpanel.h"

#include "errorbanner.h"
#include "listloader.h"
#include "export/csv.h"
#include "recordmodel.h"
#include "common/whenready.h"
#include "uistate.h"

#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QSaveFile>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {

QString writeRows(const QString &path, const QStringList &headers, const QList<TableRow> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if (path.endsWith(u".json"_s, Qt::CaseInsensitive)) {
        QJsonArray array;
        for (const TableRow &row : rows) {
            QJsonObject object;
            for (int c = 0; c < headers.size() && c < row.cells.size(); ++c)
                object.insert(headers.at(c), row.cells.at(c));
            array.append(object);
        }
        file.write(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        QString text = exports::csvLine(headers) + u'\n';
        for (const TableRow &row : rows)
            text += exports::csvLine(row.cells) + u'\n';
        file.write(text.toUtf8());
    }
    return file.commit() ? QString() : file.errorString();
}

} // namespace

ListPanel::ListPanel(const QString &name, const QString &noun, const QStringList &headers,
                     session::CacheReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_noun(noun)
    , m_banner(new ErrorBanner(this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new RecordModel(headers, this))
    , m_loader(new ListLoader(reader, m_model, this))
{
    setObjectName(name + u"Panel"_s);
    m_view->setObjectName(name + u"View"_s);
    m_view->setAccessibleName(tr("%1 list").arg(noun));
    m_status->setObjectName(name + u"Status"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setObjectName(name + u"Header"_s);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    const bool restored = uistate::track(m_view->horizontalHeader());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(m_banner, &ErrorBanner::retryRequested, m_loader, &ListLoader::reload);
    connect(m_loader, &ListLoader::failed, this, [this](const QString &message) {
        m_banner->showError(tr("Could not load %1: %2").arg(m_noun, message));
    });
    connect(m_loader, &ListLoader::loadingChanged, this, [this](bool loading) {
        if (loading && m_model->rowCount() == 0)
            m_status->setText(tr("Loading %1…").arg(m_noun));
    });
    connect(m_loader, &ListLoader::loaded, this, &ListPanel::updateStatus);
    if (!restored) {
        // First use: fit the columns to the first rows once; after that the user's widths are kept.
        connect(m_loader, &ListLoader::loaded, this, [this] {
            if (m_model->rowCount() == 0 || m_sized)
                return;
            m_sized = true;
            m_view->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, qMin(m_view->columnWidth(c) + 8, 320));
        });
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentChanged(current.data(RecordModel::PayloadRole)); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT activated(index.data(RecordModel::PayloadRole)); });

    // J/K move like arrows (Enter already emits activated()).
    for (const auto &[key, delta] : {std::pair{Qt::Key_J, 1}, std::pair{Qt::Key_K, -1}}) {
        auto *shortcut = new QShortcut(QKeySequence(key), m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, d = delta] { moveSelection(d); });
    }
}

void ListPanel::updateStatus(qint64 total)
{
    if (total == 0)
        m_status->setText(tr("No %1 match. Change the filters or wait for the next sync.").arg(m_noun));
    else if (m_model->rowCount() < total)
        m_status->setText(tr("%L1 %2 (%L3 loaded; scroll for more)").arg(total).arg(m_noun).arg(m_model->rowCount()));
    else
        m_status->setText(tr("%L1 %2").arg(total).arg(m_noun));
}

QString ListPanel::statusText() const
{
    return m_status->text();
}

QString ListPanel::currentKey() const
{
    return m_view->currentIndex().data(RecordModel::KeyRole).toString();
}

QVariant ListPanel::currentPayload() const
{
    return m_view->currentIndex().data(RecordModel::PayloadRole);
}

bool ListPanel::selectKey(const QString &key)
{
    const int row = m_model->indexOfKey(key);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void ListPanel::moveSelection(int delta)
{
    if (m_model->rowCount() == 0)
        return;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : (delta > 0 ? -1 : 0);
    const int row = qBound(0, current + delta, m_model->rowCount() - 1);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

void ListPanel::exportAll(const QString &path, std::function<void(const QString &error)> done)
{
    whenReady(m_loader->fetchAll(), this, [this, path, done = std::move(done)](const Result<RowWindow> &all) {
        done(all ? writeRows(path, m_model->headers(), all->rows) : all.error().message);
    });
}


} // namespace lettascope::ui
