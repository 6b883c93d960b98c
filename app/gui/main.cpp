// SPDX-License-Identifier: MIT
#include "letta/profilestore.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace {

lettascope::session::SessionOptions parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Observability dashboard for Letta agent servers."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({{u"demo"_s, u"Open on the built-in demo server (own temporary cache; profiles untouched)."_s},
                       {u"demo-live"_s, u"Like --demo, with new runs arriving continuously."_s},
                       {u"cache"_s, u"The cache file (default: per-user data folder; env LETTASCOPE_CACHE)."_s, u"FILE"_s}});
    parser.process(app);
    lettascope::session::SessionOptions options;
    options.demo = parser.isSet(u"demo"_s) || qEnvironmentVariableIntValue("LETTASCOPE_DEMO") == 1;
    options.demoLive = parser.isSet(u"demo-live"_s);
    options.cachePath = parser.value(u"cache"_s);
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"lettascope"_s);
    QApplication::setOrganizationName(u"Lettascope"_s);
    QApplication::setApplicationVersion(QStringLiteral(LETTASCOPE_VERSION));
    const auto options = parseOptions(app);

    lettascope::session::AppSettings settings;
    lettascope::ui::applyTheme(settings.theme());
    lettascope::session::Session session(options, settings, std::make_unique<lettascope::letta::ProfileStore>());
    if (auto started = session.start(); !started) {
        QMessageBox::critical(nullptr, u"Lettascope"_s, started.error().message);
        return 1;
    }
    lettascope::ui::MainWindow window(session);
    window.show();
    return app.exec();
}
