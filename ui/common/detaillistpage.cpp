// SPDX-License-Identifier: MIT
#include "detaillistpage.h"

#include "listpanel.h"
#include "viewsetup.h"

#include <QHBoxLayout>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

DetailListPage::DetailListPage(const QString &name, const QString &noun, const QStringList &headers,
                               session::CacheReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_list(new ListPanel(name, noun, headers, reader, this))
    , m_filters(new QHBoxLayout)
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(name + u"Page"_s);
    m_detail->setObjectName(name + u"Detail"_s);
    m_detail->setAccessibleName(tr("%1 detail").arg(noun));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a row to see its details."));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_filters);
    layout->addWidget(viewsetup::listDetailSplit(name + u"Split"_s, m_list, m_detail, this), 1);
    connect(m_list, &ListPanel::currentChanged, this,
            [this](const QVariant &payload) { m_detail->setPlainText(payload.isValid() ? detailText(payload) : QString()); });
}

} // namespace lettascope::ui
