// SPDX-License-Identifier: MIT
#include "restsource.h"

#include "resthelpers.h"
#include "store/queries/serverqueries.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lettascope::sync {

using namespace detail;

namespace {

// Sync-state keys of the runs walk. `covered_top_ms` is the creation time of the newest run at the
// start of the last walk that finished: everything from there down is in the cache. A walk in
// progress records where it started (`walk_top_ms`), where it must stop (`walk_target_ms`, empty
// for "the end of the list") and the last committed page's cursor, so an interrupted walk resumes.
const QString kCoveredTop = u"runs.covered_top_ms"_s;
const QString kWalkTop = u"runs.walk_top_ms"_s;
const QString kWalkTarget = u"runs.walk_target_ms"_s;
const QString kWalkCursor = u"runs.walk_cursor"_s;
constexpr int kFirstIncrementalPage = 100;

std::optional<qint64> stateNumber(const SyncSink &sink, const QString &key)
{
    bool ok = false;
    const qint64 value = sink.state(key).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<qint64> oldestCreated(const QList<Run> &runs)
{
    std::optional<qint64> oldest;
    for (const auto &run : runs) {
        if (run.createdMs && (!oldest || *run.createdMs < *oldest))
            oldest = run.createdMs;
    }
    return oldest;
}

std::optional<qint64> newestCreated(const QList<Run> &runs)
{
    std::optional<qint64> newest;
    for (const auto &run : runs) {
        if (run.createdMs && (!newest || *run.createdMs > *newest))
            newest = run.createdMs;
    }
    return newest;
}

} // namespace

void RestSource::syncRuns(SyncSink &sink, const SyncOptions &options, SyncReport &report)
{
    ResourceReport &entry = report.resource(u"runs"_s);
    sink.progress({u"runs"_s, 0, {}});
    // Finish an interrupted walk first, so the new walk below only has to reach the old top.
    if (const QString cursor = sink.state(kWalkCursor); !cursor.isEmpty()) {
        if (!walkRuns(sink, options, entry, cursor, stateNumber(sink, kWalkTarget), false))
            return;
    }
    if (!walkRuns(sink, options, entry, QString(), stateNumber(sink, kCoveredTop), true))
        return;
    refreshActiveRuns(sink, entry);
}

bool RestSource::walkRuns(SyncSink &sink, const SyncOptions &options, ResourceReport &entry, QString cursor,
                          std::optional<qint64> targetMs, bool startsNewWalk)
{
    letta::RunQuery query;
    query.order = letta::SortOrder::Descending;
    // The top of this walk: read back when resuming, taken from the first page of a new walk.
    QString walkTop = startsNewWalk ? QString() : sink.state(kWalkTop);
    while (true) {
        if (sink.isCancelled())
            return false;
        query.before = cursor; // runs are inverted: in desc order the next, older page is before=<last id>
        // An incremental walk usually ends on its first page: ask for a small one, then full pages.
        query.limit = targetMs && cursor.isEmpty() ? kFirstIncrementalPage : kPageSize;
        auto page = net::resultOf(m_api.listRuns(query));
        ++entry.requests;
        if (!page) {
            fail(entry, page.error());
            return false;
        }
        notePage(entry, *page);
        for (const auto &run : page->items)
            m_seenRuns.insert(run.id);
        noteChangedRuns(sink, page->items);

        store::WriteBatch batch;
        batch.runs = page->items;
        if (startsNewWalk && cursor.isEmpty()) {
            const auto newest = newestCreated(page->items);
            walkTop = newest ? QString::number(*newest) : QString();
            batch.syncState.insert(kWalkTop, walkTop);
            batch.syncState.insert(kWalkTarget, targetMs ? QString::number(*targetMs) : QString());
        }
        const std::optional<qint64> oldest = oldestCreated(page->items);
        const bool reachedTarget = targetMs && oldest && *oldest < *targetMs;
        const bool reachedHistoryLimit = options.historySinceMs && oldest && *oldest < *options.historySinceMs;
        const bool done = page->isLastPage() || reachedTarget || reachedHistoryLimit
            || !cursorAdvances(cursor, *page, entry);
        if (done) {
            // The walk is complete: everything from its top down is cached.
            batch.syncState.insert(kWalkCursor, QString());
            batch.syncState.insert(kWalkTarget, QString());
            if (!walkTop.isEmpty())
                batch.syncState.insert(kCoveredTop, walkTop);
        } else {
            batch.syncState.insert(kWalkCursor, page->lastId);
        }
        if (!commitOrFail(sink, std::move(batch), entry))
            return false;
        sink.progress({u"runs"_s, entry.fetched, {}});
        if (done)
            return true;
        cursor = page->lastId;
    }
}

void RestSource::noteChangedRuns(SyncSink &sink, const QList<Run> &runs)
{
    QStringList ids;
    for (const auto &run : runs)
        ids << run.id;
    // Reads see committed batches only, which is enough: a run listed twice in one sync is the same run.
    const auto cached = store::runStatuses(sink.cache(), sink.serverId(), ids);
    for (const auto &run : runs) {
        const QString status = runStatusToString(run.status);
        const QString before = cached ? cached->value(run.id) : QString();
        if (before != status)
            m_detailRuns.insert(run.id);
        if (!before.isEmpty() && before != status && isTerminal(run.status))
            m_finishedRuns.insert(run.id);
    }
}

void RestSource::refreshActiveRuns(SyncSink &sink, ResourceReport &entry)
{
    if (!sink.flush())
        return;
    auto active = store::activeRunIds(sink.cache(), sink.serverId());
    if (!active) {
        fail(entry, active.error());
        return;
    }
    // Runs the walk did not reach are re-read one by one; the client bounds how many run at once.
    QList<QFuture<Result<Run>>> requests;
    for (const QString &id : *active) {
        if (!m_seenRuns.contains(id))
            requests << m_api.run(id);
    }
    store::WriteBatch batch;
    for (auto &request : requests) {
        auto run = net::resultOf(request);
        ++entry.requests;
        if (run) {
            ++entry.fetched;
            batch.runs << *run;
        } else if (run.error().kind != ErrorKind::NotFound) {
            // A run deleted on the server stays cached as it was; anything else is worth reporting.
            fail(entry, run.error());
        }
    }
    noteChangedRuns(sink, batch.runs);
    commitOrFail(sink, std::move(batch), entry);
}

} // namespace lettascope::sync
