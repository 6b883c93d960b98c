// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QLabel>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(u"Lettascope"_s);
    m_tabs->setObjectName(u"mainTabs"_s);
    for (const auto &title : {u"Agents"_s, u"Runs"_s, u"Steps"_s, u"Trajectories"_s, u"Jobs"_s, u"Analytics"_s,
                              u"Settings"_s}) {
        auto *placeholder = new QLabel(title, m_tabs);
        placeholder->setAlignment(Qt::AlignCenter);
        m_tabs->addTab(placeholder, title);
    }
    setCentralWidget(m_tabs);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

} // namespace lettascope::ui
