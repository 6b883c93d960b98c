// SPDX-License-Identifier: MIT
#include "restsource.h"

#include "resthelpers.h"
#include "store/queries/serverqueries.h"

using namespace Qt::StringLiterals;

namespace lettascope::sync {

using namespace detail;

namespace {

const QString kStepsCursor = u"steps.cursor"_s;
const QString kStepsMode = u"steps.mode"_s;
const QString kMessagesCursor = u"messages.cursor"_s;
const QString kMessagesSeq = u"messages.seq"_s;
const QString kMessagesMode = u"messages.mode"_s;
const QString kPerRun = u"per_run"_s;

/// A first org-wide page that fails the way servers without that list fail (400 for the /v1/steps/ order bug
/// of 0.12–0.16.8, or 404) switches the resource to per-run reads, remembered for later syncs. False for
/// any other failure, which the caller records.
bool switchedToPerRun(SyncSink &sink, ResourceReport &entry, const Error &error, const QString &modeKey,
                      const QString &what)
{
    if (entry.requests != 1 || (error.kind != ErrorKind::BadRequest && error.kind != ErrorKind::NotFound))
        return false;
    entry.note = u"the server has no usable org-wide %1 list (%2); %1 are read per run"_s.arg(what, error.toString());
    store::WriteBatch remember;
    remember.syncState.insert(modeKey, kPerRun);
    commitOrFail(sink, std::move(remember), entry);
    return true;
}

/// Reads every page of a per-run list (steps or messages).
template<typename T, typename Fetch>
Result<QList<T>> readAllPages(Fetch fetch, ResourceReport &entry)
{
    QList<T> items;
    letta::PageQuery query;
    query.limit = kPageSize;
    query.order = letta::SortOrder::Ascending;
    while (true) {
        auto page = net::resultOf(fetch(query));
        ++entry.requests;
        if (!page)
            return page.error();
        notePage(entry, *page);
        items += page->items;
        if (page->isLastPage() || !cursorAdvances(query.after, *page, entry))
            return items;
        query.after = page->lastId;
    }
}

} // namespace

void RestSource::syncSteps(SyncSink &sink, SyncReport &report)
{
    ResourceReport &entry = report.resource(u"steps"_s);
    sink.progress({u"steps"_s, 0, {}});
    if (sink.state(kStepsMode) != kPerRun) {
        letta::StepQuery query;
        query.limit = kPageSize;
        query.order = letta::SortOrder::Ascending;
        query.after = sink.state(kStepsCursor);
        while (!sink.isCancelled()) {
            auto page = net::resultOf(m_api.listSteps(query));
            ++entry.requests;
            if (!page && switchedToPerRun(sink, entry, page.error(), kStepsMode, u"steps"_s))
                break;
            if (!page) {
                fail(entry, page.error());
                return;
            }
            notePage(entry, *page);
            store::WriteBatch batch;
            batch.steps = page->items;
            const bool done = page->isLastPage() || !cursorAdvances(query.after, *page, entry);
            if (!page->lastId.isEmpty())
                batch.syncState.insert(kStepsCursor, page->lastId);
            if (!commitOrFail(sink, std::move(batch), entry))
                return;
            sink.progress({u"steps"_s, entry.fetched, {}});
            if (done)
                break;
            query.after = page->lastId;
        }
    }
    // Per run: every new or changed run in fallback mode; otherwise only runs that just finished,
    // because the org-wide cursor never revisits steps that changed after they were first listed.
    syncStepsPerRun(sink, sink.state(kStepsMode) == kPerRun ? m_detailRuns : m_finishedRuns, entry);
}

void RestSource::syncStepsPerRun(SyncSink &sink, const QSet<QString> &runIds, ResourceReport &entry)
{
    for (const QString &runId : runIds) {
        if (sink.isCancelled())
            return;
        auto steps = readAllPages<Step>([&](const letta::PageQuery &q) { return m_api.runSteps(runId, q); }, entry);
        if (!steps) {
            fail(entry, steps.error());
            continue; // one run's failure does not stop the others
        }
        store::WriteBatch batch;
        batch.steps = *steps;
        for (int i = 0; i < batch.steps.size(); ++i)
            batch.steps[i].ordinal = i;
        if (!commitOrFail(sink, std::move(batch), entry))
            return;
    }
}

void RestSource::syncMessages(SyncSink &sink, SyncReport &report)
{
    ResourceReport &entry = report.resource(u"messages"_s);
    sink.progress({u"messages"_s, 0, {}});
    if (sink.state(kMessagesMode) != kPerRun) {
        letta::MessageQuery query;
        query.limit = kPageSize;
        query.order = letta::SortOrder::Ascending;
        query.after = sink.state(kMessagesCursor); // message cursors are absolute: after = strictly newer
        qint64 sequence = sink.state(kMessagesSeq).toLongLong();
        while (!sink.isCancelled()) {
            auto page = net::resultOf(m_api.listMessages(query));
            ++entry.requests;
            if (!page && switchedToPerRun(sink, entry, page.error(), kMessagesMode, u"messages"_s))
                break;
            if (!page) {
                fail(entry, page.error());
                return;
            }
            notePage(entry, *page);
            store::WriteBatch batch;
            batch.messages = page->items;
            for (auto &message : batch.messages)
                message.sequence = ++sequence;
            const bool done = page->isLastPage() || !cursorAdvances(query.after, *page, entry);
            if (!page->lastId.isEmpty())
                batch.syncState.insert(kMessagesCursor, page->lastId);
            batch.syncState.insert(kMessagesSeq, QString::number(sequence));
            if (!commitOrFail(sink, std::move(batch), entry))
                return;
            sink.progress({u"messages"_s, entry.fetched, {}});
            if (done)
                return;
            query.after = page->lastId;
        }
    }
    if (sink.state(kMessagesMode) == kPerRun)
        syncMessagesPerRun(sink, m_detailRuns, entry);
}

void RestSource::syncMessagesPerRun(SyncSink &sink, const QSet<QString> &runIds, ResourceReport &entry)
{
    for (const QString &runId : runIds) {
        if (sink.isCancelled())
            return;
        auto messages =
            readAllPages<Message>([&](const letta::PageQuery &q) { return m_api.runMessages(runId, q); }, entry);
        if (!messages) {
            fail(entry, messages.error());
            continue;
        }
        store::WriteBatch batch;
        batch.messages = *messages;
        for (int i = 0; i < batch.messages.size(); ++i)
            batch.messages[i].sequence = i;
        if (!commitOrFail(sink, std::move(batch), entry))
            return;
    }
}

void RestSource::syncStepMetrics(SyncSink &sink, const SyncOptions &options, SyncReport &report)
{
    if (!options.fetchStepMetrics || sink.isCancelled())
        return;
    ResourceReport &entry = report.resource(u"step metrics"_s);
    if (!sink.flush())
        return;
    auto missing = store::stepsMissingMetrics(sink.cache(), sink.serverId(), options.stepMetricsBudget);
    if (!missing) {
        fail(entry, missing.error());
        return;
    }
    const qint64 total = missing->size();
    // Chunks bound the futures alive at once; within a chunk the client runs requests in parallel.
    // A server failing metrics outright would otherwise cost every step its full retry budget.
    constexpr qsizetype kChunk = 500;
    constexpr int kGiveUpAfterFailures = 25;
    int consecutiveFailures = 0;
    for (qsizetype start = 0; start < missing->size() && !sink.isCancelled(); start += kChunk) {
        if (consecutiveFailures >= kGiveUpAfterFailures) {
            entry.note = u"stopped after %1 failures in a row; the rest is fetched next sync"_s.arg(consecutiveFailures);
            return;
        }
        const QStringList chunk = missing->mid(start, kChunk);
        QList<QFuture<Result<StepMetrics>>> requests;
        for (const QString &stepId : chunk)
            requests << m_api.stepMetrics(stepId);
        store::WriteBatch batch;
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            auto metrics = net::resultOf(requests[i]);
            ++entry.requests;
            consecutiveFailures = metrics || metrics.error().kind == ErrorKind::NotFound ? 0 : consecutiveFailures + 1;
            if (metrics) {
                ++entry.fetched;
                batch.stepMetrics << store::StepMetricsUpdate{chunk[i], *metrics};
            } else if (metrics.error().kind == ErrorKind::NotFound) {
                // Remember that the server has none, so later syncs do not ask again.
                StepMetrics none;
                none.raw = QJsonObject{{u"unavailable"_s, true}};
                batch.stepMetrics << store::StepMetricsUpdate{chunk[i], none};
            } else {
                fail(entry, metrics.error());
            }
        }
        if (!commitOrFail(sink, std::move(batch), entry))
            return;
        sink.progress({u"step metrics"_s, start + chunk.size(), total});
    }
}

} // namespace lettascope::sync
