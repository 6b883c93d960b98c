// SPDX-License-Identifier: MIT
#include "uistate.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lettascope::ui::uistate {

namespace {
constexpr int kSaveDelayMs = 1000;

QString keyFor(const QObject *object, const QString &what)
{
    Q_ASSERT_X(!object->objectName().isEmpty(), "uistate", "tracked widgets need an objectName");
    return u"uistate/"_s + object->objectName() + u'/' + what;
}

/// A timer, owned by `owner`, that writes `state()` under `key` once changes settle. Drags and resizes emit a
/// signal per pixel and every QSettings write syncs the file: writing each time stalled the GUI thread
/// (measured: ~170 ms for one resizeColumnsToContents).
QTimer *saveWhenSettled(QObject *owner, const QString &key, std::function<QByteArray()> state)
{
    auto *timer = new QTimer(owner);
    timer->setSingleShot(true);
    timer->setInterval(kSaveDelayMs);
    QObject::connect(timer, &QTimer::timeout, owner, [key, state = std::move(state)] { QSettings().setValue(key, state()); });
    return timer;
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
    QTimer *save = saveWhenSettled(splitter, key, [splitter] { return splitter->saveState(); });
    QObject::connect(splitter, &QSplitter::splitterMoved, save, [save] { save->start(); });
    return restored;
}

bool track(QHeaderView *header)
{
    const QString key = keyFor(header, u"header"_s);
    const bool restored = header->restoreState(QSettings().value(key).toByteArray());
    QTimer *save = saveWhenSettled(header, key, [header] { return header->saveState(); });
    const auto later = [save] { save->start(); };
    QObject::connect(header, &QHeaderView::sectionResized, save, later);
    QObject::connect(header, &QHeaderView::sectionMoved, save, later);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, save, later);
    return restored;
}

} // namespace lettascope::ui::uistate
