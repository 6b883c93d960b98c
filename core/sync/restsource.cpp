// SPDX-License-Identifier: MIT
#include "restsource.h"

#include "common/logging.h"
#include "resthelpers.h"

#include <QElapsedTimer>

#include <array>

using namespace Qt::StringLiterals;

namespace lettascope::sync {

using namespace detail;

RestSource::RestSource(net::HttpClient *http)
    : m_api(http)
{
}

Result<QString> RestSource::probe()
{
    auto info = net::resultOf(m_api.health());
    if (!info)
        return info.error();
    m_api.setServerInfo(*info);
    return info->version.isEmpty() ? u"unknown"_s : info->version;
}

void RestSource::sync(SyncSink &sink, const SyncOptions &options, SyncReport &report)
{
    m_seenRuns.clear();
    m_detailRuns.clear();
    m_finishedRuns.clear();
    QElapsedTimer timer;
    timer.start();
    auto timed = [&timer](const char *phase) {
        qCDebug(lcSync) << phase << "took" << timer.restart() << "ms";
    };
    // Agents first: runs and messages reference them, and revisions should be recorded before the runs
    // that used them.
    syncAgents(sink, report);
    timed("agents");
    syncRuns(sink, options, report);
    timed("runs");
    syncSteps(sink, report);
    timed("steps");
    syncMessages(sink, report);
    timed("messages");
    syncJobs(sink, report);
    timed("jobs");
    syncCatalog(sink, report);
    timed("resources");
    syncStepMetrics(sink, options, report);
    timed("step metrics");
}

void RestSource::syncAgents(SyncSink &sink, SyncReport &report)
{
    ResourceReport &entry = report.resource(u"agents"_s);
    sink.progress({u"agents"_s, 0, {}});
    letta::AgentQuery query;
    query.limit = kPageSize;
    query.order = letta::SortOrder::Ascending;
    while (!sink.isCancelled()) {
        auto page = net::resultOf(m_api.listAgents(query));
        ++entry.requests;
        if (!page) {
            fail(entry, page.error());
            return;
        }
        notePage(entry, *page);
        store::WriteBatch batch;
        batch.agents = page->items;
        if (!commitOrFail(sink, std::move(batch), entry) || page->isLastPage()
            || !cursorAdvances(query.after, *page, entry))
            return;
        query.after = page->lastId;
    }
}

void RestSource::syncJobs(SyncSink &sink, SyncReport &report)
{
    ResourceReport &entry = report.resource(u"jobs"_s);
    // Jobs are file-ingestion jobs: few, and their status changes, so each sync reads them all.
    letta::JobQuery query;
    query.limit = kPageSize;
    query.order = letta::SortOrder::Descending;
    while (!sink.isCancelled()) {
        auto page = net::resultOf(m_api.listJobs(query));
        ++entry.requests;
        if (!page) {
            fail(entry, page.error());
            return;
        }
        notePage(entry, *page);
        store::WriteBatch batch;
        batch.jobs = page->items;
        if (!commitOrFail(sink, std::move(batch), entry) || page->isLastPage()
            || !cursorAdvances(query.before, *page, entry))
            return;
        query.before = page->lastId; // jobs cursors are absolute on created_at: before = older
    }
}

void RestSource::syncCatalog(SyncSink &sink, SyncReport &report)
{
    constexpr std::array kinds{ResourceKind::Tool,     ResourceKind::Block,        ResourceKind::McpServer,
                               ResourceKind::Folder,   ResourceKind::Archive,      ResourceKind::Identity,
                               ResourceKind::LlmModel, ResourceKind::EmbeddingModel, ResourceKind::Provider,
                               ResourceKind::Group,    ResourceKind::SandboxConfig};
    sink.progress({u"resources"_s, 0, qint64(kinds.size())});
    // Every kind's first page is requested at once: they are independent and small.
    QList<QFuture<Result<letta::Page<Resource>>>> firstPages;
    letta::PageQuery query;
    query.limit = kPageSize;
    for (const ResourceKind kind : kinds)
        firstPages << m_api.listResources(kind, query);
    for (size_t i = 0; i < kinds.size(); ++i) {
        const ResourceKind kind = kinds[i];
        ResourceReport &entry = report.resource(resourceKindKey(kind));
        auto page = net::resultOf(firstPages[qsizetype(i)]);
        letta::PageQuery next = query;
        while (true) {
            ++entry.requests;
            if (!page) {
                fail(entry, page.error());
                break;
            }
            notePage(entry, *page);
            store::WriteBatch batch;
            batch.resources = page->items;
            // Routes without paging (models, MCP servers) answer everything at once: no limit was sent.
            const bool unpaged = page->limit == 0;
            if (!commitOrFail(sink, std::move(batch), entry) || unpaged || page->isLastPage() || sink.isCancelled()
                || !cursorAdvances(next.after, *page, entry))
                break;
            next.after = page->lastId;
            page = net::resultOf(m_api.listResources(kind, next));
        }
        sink.progress({u"resources"_s, qint64(i + 1), qint64(kinds.size())});
    }
}

} // namespace lettascope::sync
