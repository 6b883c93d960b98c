// SPDX-License-Identifier: MIT
#pragma once

#include "listloader.h"

#include <QWidget>

class QHBoxLayout;
class QPlainTextEdit;

namespace lettascope::session {
class CacheReader;
}

namespace lettascope::ui {

class ListPanel;

/// A tab that is a filter row, a list and a plain-text detail of the selected row (Steps, Jobs). Subclasses
/// add their filters to filterRow(), set the fetch, and say how a payload reads as text.
class DetailListPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailListPage)
public:
    DetailListPage(const QString &name, const QString &noun, const QStringList &headers, session::CacheReader &reader,
                   QWidget *parent = nullptr);

    ListPanel *list() const { return m_list; }
    QPlainTextEdit *detail() const { return m_detail; }

protected:
    QHBoxLayout *filterRow() const { return m_filters; }
    virtual QString detailText(const QVariant &payload) const = 0;

private:
    ListPanel *m_list = nullptr;
    QHBoxLayout *m_filters = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace lettascope::ui
