// SPDX-License-Identifier: MIT
#pragma once

#include "letta/page.h"
#include "syncsource.h"

#include <QSet>
#include <QStringList>

// Small pieces shared by the REST sync files.
namespace lettascope::sync::detail {

/// Largest page the sync asks for: Letta caps runs at 1000 and accepts it elsewhere.
inline constexpr int kPageSize = 1000;

void fail(ResourceReport &entry, const Error &error);

/// Counts a page's items and any it could not parse.
template<typename T>
void notePage(ResourceReport &entry, const letta::Page<T> &page)
{
    entry.fetched += page.items.size();
    entry.skipped += page.skipped;
}

/// Commits, recording a write failure on the entry. False when the sync of this resource must stop.
bool commitOrFail(SyncSink &sink, store::WriteBatch batch, ResourceReport &entry);

/// A cursor loop must move: a server that returns the same last id again (or none) is lying about
/// pagination, and following it would never end.
template<typename T>
bool cursorAdvances(const QString &previousCursor, const letta::Page<T> &page, ResourceReport &entry)
{
    if (!page.lastId.isEmpty() && page.lastId != previousCursor)
        return true;
    entry.note = QStringLiteral("the server repeated a page; stopped paging");
    return false;
}

} // namespace lettascope::sync::detail
