// SPDX-License-Identifier: MIT
#include "uistate.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace lettascope::ui::uistate {

namespace {
QString keyFor(const QObject *object, const QString &what)
{
    Q_ASSERT_X(!object->objectName().isEmpty(), "uistate", "tracked widgets need an objectName");
    return u"uistate/"_s + object->objectName() + u'/' + what;
}
} // namespace

void restore(QMainWindow *window)
{
    QSettings settings;
    window->restoreGeometry(settings.value(keyFor(window, u"geometry"_s)).toByteArray());
    window->restoreState(settings.value(keyFor(window, u"state"_s)).toByteArray());
}

void save(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(keyFor(window, u"geometry"_s), window->saveGeometry());
    settings.setValue(keyFor(window, u"state"_s), window->saveState());
}

bool track(QSplitter *splitter)
{
    const QString key = keyFor(splitter, u"sizes"_s);
    const bool restored = splitter->restoreState(QSettings().value(key).toByteArray());
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter, [splitter, key] {
        QSettings().setValue(key, splitter->saveState());
    });
    return restored;
}

bool track(QHeaderView *header)
{
    const QString key = keyFor(header, u"header"_s);
    const bool restored = header->restoreState(QSettings().value(key).toByteArray());
    const auto save = [header, key] { QSettings().setValue(key, header->saveState()); };
    QObject::connect(header, &QHeaderView::sectionResized, header, save);
    QObject::connect(header, &QHeaderView::sectionMoved, header, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, header, save);
    return restored;
}

} // namespace lettascope::ui::uistate
