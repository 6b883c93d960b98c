// SPDX-License-Identifier: MIT
#pragma once

#include "letta/lettaapi.h"
#include "syncsource.h"

#include <QSet>

namespace lettascope::sync {

/**
 * Syncs a classic Letta REST server (Letta Cloud, self-hosted 0.x and 1.x) with as few requests as
 * the server allows: org-wide lists for steps and messages with per-run endpoints as the fallback,
 * a newest-first walk over runs that stops where the previous walk began, and single-run refreshes
 * for runs the cache still holds as active. Cursors are committed with the data they cover.
 */
class RestSource final : public SyncSource
{
public:
    /// `http` must be configured (endpoint, token) and outlive the source.
    explicit RestSource(net::HttpClient *http);

    Result<QString> probe() override;
    void sync(SyncSink &sink, const SyncOptions &options, SyncReport &report) override;

private:
    void syncCatalog(SyncSink &sink, SyncReport &report);
    void syncAgents(SyncSink &sink, SyncReport &report);
    void syncJobs(SyncSink &sink, SyncReport &report);
    /// Walks runs newest first; fills m_detailRuns with runs that are new or changed status.
    void syncRuns(SyncSink &sink, const SyncOptions &options, SyncReport &report);
    bool walkRuns(SyncSink &sink, const SyncOptions &options, ResourceReport &entry, QString cursor,
                  std::optional<qint64> targetMs, bool startsNewWalk);
    void refreshActiveRuns(SyncSink &sink, ResourceReport &entry);
    void syncSteps(SyncSink &sink, SyncReport &report);
    void syncMessages(SyncSink &sink, SyncReport &report);
    void syncStepsPerRun(SyncSink &sink, const QSet<QString> &runIds, ResourceReport &entry);
    void syncMessagesPerRun(SyncSink &sink, const QSet<QString> &runIds, ResourceReport &entry);
    void syncStepMetrics(SyncSink &sink, const SyncOptions &options, SyncReport &report);
    /// Notes which of `runs` are new to the cache or changed status; those need their details.
    void noteChangedRuns(SyncSink &sink, const QList<Run> &runs);

    letta::LettaApi m_api;
    QSet<QString> m_seenRuns;     ///< run ids listed during this sync
    QSet<QString> m_detailRuns;   ///< new or status-changed runs: per-run fallbacks fetch these
    QSet<QString> m_finishedRuns; ///< active runs that reached a terminal state: their steps are re-read
};

} // namespace lettascope::sync
