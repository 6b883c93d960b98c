// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace lettascope::session {

/// Calls `fn(result)` on `context`'s thread when `future` finishes, unless `context` was destroyed first.
/// Qt 6.4's `QFuture::then(context, …)` asserts when the context dies before the future finishes (a page
/// closed while its query runs); a watcher owned by the context simply goes away with it.
template<typename T, typename Fn>
void whenReady(QFuture<T> future, QObject *context, Fn fn)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, fn = std::move(fn)]() mutable {
        watcher->deleteLater();
        if constexpr (std::is_void_v<T>)
            fn();
        else
            fn(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace lettascope::session
