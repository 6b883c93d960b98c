// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

namespace {
QString &systemStyleName()
{
    static QString name;
    return name;
}

QPalette terminalPalette()
{
    const QColor black(0x00, 0x00, 0x00), panel(0x0a, 0x0a, 0x0a), alt(0x0f, 0x0f, 0x0f), text(0xc8, 0xc8, 0xc8),
        dim(0x8a, 0x8a, 0x8a), green(0x00, 0xff, 0x88), teal(0x00, 0xe5, 0xff);
    QPalette p;
    p.setColor(QPalette::Window, black);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, panel);
    p.setColor(QPalette::AlternateBase, alt);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Button, alt);
    p.setColor(QPalette::ButtonText, green);
    p.setColor(QPalette::Highlight, QColor(0x00, 0x80, 0x48));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ToolTipBase, panel);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Link, teal);
    p.setColor(QPalette::BrightText, QColor(0xf6, 0xff, 0x00));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Dark, QColor(0x15, 0x15, 0x15));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x5a, 0x5a, 0x5a));
    return p;
}

const char *const kTerminalSheet = R"(
* { border-radius: 0px; }
QTableView, QTreeView, QPlainTextEdit, QLineEdit, QListView {
    font-family: "JetBrains Mono", "DejaVu Sans Mono", monospace;
    border: 1px solid rgba(255,255,255,30);
}
QHeaderView::section { background: #0a0a0a; color: #00ff88; border: 0; border-bottom: 1px solid rgba(0,255,136,90);
    padding: 3px 6px; font-family: monospace; text-transform: uppercase; }
QTabBar::tab { background: #000; color: #8a8a8a; padding: 6px 14px; font-family: monospace; border-bottom: 2px solid transparent; }
QTabBar::tab:selected { color: #00ff88; border-bottom: 2px solid #00ff88; }
QPushButton { border: 1px solid #00ff88; padding: 4px 10px; color: #00ff88; background: #000; }
QPushButton:hover { background: #00ff88; color: #000; }
QPushButton:disabled { border-color: #2a2a2a; color: #5a5a5a; }
QComboBox, QSpinBox { border: 1px solid rgba(255,255,255,40); padding: 2px 6px; background: #0a0a0a; color: #c8c8c8; }
QStatusBar { color: #8a8a8a; font-family: monospace; }
#demoBanner { background: #0a0a0a; border: 1px solid #00e5ff; color: #00e5ff; }
)";
} // namespace

void applyTheme(session::AppSettings::Theme theme)
{
    if (systemStyleName().isEmpty())
        systemStyleName() = QApplication::style()->name();
    if (theme == session::AppSettings::Theme::Terminal) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(terminalPalette());
        qApp->setStyleSheet(QString::fromLatin1(kTerminalSheet));
    } else {
        QApplication::setStyle(QStyleFactory::create(systemStyleName()));
        qApp->setStyleSheet(QString());
        // A default-constructed palette lets the style and platform theme decide (system light or dark).
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
}

} // namespace lettascope::ui
