// SPDX-License-Identifier: MIT
#pragma once

#include "listloader.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTableView;

namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui {

class ErrorBanner;
class RecordModel;

/**
 * The shared list view: error banner, a status line (loading, empty, counts), a virtualised table over a
 * RecordModel fed by a ListLoader, header state persisted, J/K navigation, Enter to open, export.
 * Pages put filters above it and a detail view beside it; this keeps each page's constructor short.
 */
class ListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListPanel)
public:
    /// `name` keys the objectName (and so the persisted header state); `noun` is "runs", "agents" …
    ListPanel(const QString &name, const QString &noun, const QStringList &headers, session::CacheReader &reader,
              QWidget *parent = nullptr);

    RecordModel *model() const { return m_model; }
    ListLoader *loader() const { return m_loader; }
    QTableView *view() const { return m_view; }
    ErrorBanner *banner() const { return m_banner; }
    QString statusText() const;

    /// The current row's key, empty when nothing is selected.
    QString currentKey() const;
    QVariant currentPayload() const;
    /// Selects the row with `key` if it is loaded; false otherwise.
    bool selectKey(const QString &key);
    /// Moves the selection by `delta` rows (J/K).
    void moveSelection(int delta);

    /// Writes every row of the list's query (read on the reader thread, not only the loaded windows) as CSV
    /// or JSON by the file's suffix, then calls `done` with an error text (empty on success).
    void exportAll(const QString &path, std::function<void(const QString &error)> done);

Q_SIGNALS:
    void currentChanged(const QVariant &payload);
    void activated(const QVariant &payload);

private:
    void updateStatus(qint64 total);

    QString m_noun;
    ErrorBanner *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    RecordModel *m_model = nullptr;
    ListLoader *m_loader = nullptr;
    bool m_sized = false;
};

} // namespace lettascope::ui
