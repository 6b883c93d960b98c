// SPDX-License-Identifier: MIT
#include "viewsetup.h"

#include "uistate.h"

#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>

namespace lettascope::ui::viewsetup {

namespace {
constexpr int kTypingPauseMs = 250;
}

QWidget *listDetailSplit(const QString &name, QWidget *list, QWidget *detail, QWidget *parent)
{
    auto *split = new QSplitter(Qt::Horizontal, parent);
    split->setObjectName(name);
    split->addWidget(list);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    if (!uistate::track(split))
        split->setSizes({600, 400}); // the list gets the larger share until the user moves the handle
    return split;
}

void onTypingSettled(QLineEdit *edit, QObject *context, std::function<void()> fn)
{
    auto *timer = new QTimer(edit);
    timer->setSingleShot(true);
    timer->setInterval(kTypingPauseMs);
    QObject::connect(edit, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
    QObject::connect(timer, &QTimer::timeout, context, std::move(fn));
}

QWidget *scrolling(QWidget *page, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(page);
    return area;
}

} // namespace lettascope::ui::viewsetup
