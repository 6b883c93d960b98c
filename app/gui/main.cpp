// SPDX-License-Identifier: MIT
#include "shell/mainwindow.h"

#include <QApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"lettascope"_s);
    QApplication::setOrganizationName(u"Lettascope"_s);
    lettascope::ui::MainWindow window;
    window.show();
    return app.exec();
}
