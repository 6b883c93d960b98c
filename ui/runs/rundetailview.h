// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "rundetail.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui {
class ErrorBanner;
}

namespace lettascope::ui::runs {

class WaterfallWidget;

/// A run in detail: usage totals, the message timeline grouped by step, the step waterfall and the raw JSON.
/// Reads on the cache reader thread; a running run reloads when the cache says it changed.
class RunDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunDetailView)
public:
    /// Messages longer than this are shown truncated, with "Show all".
    static constexpr int TruncateChars = 20'000;

    explicit RunDetailView(session::CacheReader &reader, QWidget *parent = nullptr);

    void showRun(qint64 serverId, const QString &runId);
    /// Back to "select a run" (another server became active); a load in flight is dropped.
    void clear();
    /// Reloads when `runIds` holds the shown run (live updates).
    void runsChanged(const QSet<QString> &runIds);
    QString runId() const { return m_runId; }
    QTreeWidget *timeline() const { return m_timeline; }

Q_SIGNALS:
    void loaded(const QString &runId);

private:
    void load();
    void apply(const RunDetail &detail);
    void showMessage(QTreeWidgetItem *item);

    session::CacheReader &m_reader;
    qint64 m_serverId = 0;
    QString m_runId;
    Generation m_generation;
    QList<Message> m_messages;
    ErrorBanner *m_banner = nullptr;
    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QPlainTextEdit *m_messageText = nullptr;
    QPushButton *m_showAll = nullptr;
    WaterfallWidget *m_waterfall = nullptr;
    QPlainTextEdit *m_raw = nullptr;
};

} // namespace lettascope::ui::runs
