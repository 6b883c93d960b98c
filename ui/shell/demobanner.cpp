// SPDX-License-Identifier: MIT
#include "demobanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

DemoBanner::DemoBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"demoBanner"_s);
    setAccessibleName(tr("Demo server notice"));
    setFrameShape(QFrame::StyledPanel);
    auto *text = new QLabel(tr("You are looking at the built-in demo server: generated agents and runs, kept in a "
                               "temporary cache. Your servers and cache are untouched."),
                            this);
    text->setWordWrap(true);
    auto *add = new QPushButton(tr("Add server…"), this);
    add->setObjectName(u"demoAddServer"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(text, 1);
    layout->addWidget(add);
    connect(add, &QPushButton::clicked, this, &DemoBanner::addServerRequested);
}

} // namespace lettascope::ui
