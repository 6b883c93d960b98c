// SPDX-License-Identifier: MIT
#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    setObjectName(u"errorBanner"_s);
    setAccessibleName(tr("Error"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#errorBanner { background: rgba(224, 32, 96, 40); border: 1px solid rgba(224, 32, 96, 160); }"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *close = new QToolButton(this);
    close->setText(u"✕"_s);
    close->setAccessibleName(tr("Dismiss error"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(close);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::showError(const QString &message)
{
    m_text->setText(message);
    show();
}

QString ErrorBanner::message() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace lettascope::ui
