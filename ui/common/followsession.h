// SPDX-License-Identifier: MIT
#pragma once

#include "session/session.h"
#include "store/writebatch.h"

#include <QObject>

namespace lettascope::ui {

/// Keeps `page` on the session's active server and cache: `page->setServer(id)` now (if a server is active)
/// and after every activation, and `page->cacheChanged(changes)` after every commit, for pages that have
/// one. Pages call it from their constructor, so the window never fans these out by hand.
template<typename Page>
void followSession(session::Session &session, Page *page)
{
    auto showServer = [page](const session::ActiveServer &active) { page->setServer(active.serverId); };
    QObject::connect(&session, &session::Session::activeChanged, page, showServer);
    if constexpr (requires(Page *p, const store::ChangeSet &changes) { p->cacheChanged(changes); }) {
        QObject::connect(&session, &session::Session::cacheChanged, page,
                         [page](const store::ChangeSet &changes) { page->cacheChanged(changes); });
    }
    if (session.active().isValid())
        showServer(session.active());
}

} // namespace lettascope::ui
