// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace lettascope {

/// Calls `fn(result)` on `context`'s thread when `future` finishes, unless `context` was destroyed first
/// or the future finished without a result (cancelled: its producer went away). This is the one way
/// asynchronous results continue here. Qt 6.4's `QFuture::then(context, …)` reaches `Q_ASSERT(context)`
/// when the context dies before the future finishes (a page closed while its query runs) and otherwise
/// queues to a null object (tst_whenready shows both); a watcher owned by the context simply goes away
/// with it.
template<typename T, typename Fn>
void whenReady(QFuture<T> future, QObject *context, Fn fn)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, fn = std::move(fn)]() mutable {
        watcher->deleteLater();
        if constexpr (std::is_void_v<T>) {
            fn();
        } else {
            if (watcher->future().resultCount() > 0)
                fn(watcher->future().result());
        }
    });
    watcher->setFuture(std::move(future));
}

} // namespace lettascope
