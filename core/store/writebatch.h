// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

namespace lettascope::store {

/// Metrics fetched for a step after the step itself was stored.
struct StepMetricsUpdate {
    QString stepId;
    StepMetrics metrics;
};

/// Everything one source page (or one sync phase) contributes, written in one transaction together with
/// the sync-state keys that record how far the source got: a crash between batches loses nothing that
/// was committed, and the next sync resumes after the last committed batch.
struct WriteBatch {
    QList<Agent> agents;
    QList<Run> runs;
    QList<Step> steps;
    QList<StepMetricsUpdate> stepMetrics;
    QList<Message> messages;
    QList<Job> jobs;
    QList<Resource> resources;
    QHash<QString, QString> syncState;

    bool isEmpty() const
    {
        return agents.isEmpty() && runs.isEmpty() && steps.isEmpty() && stepMetrics.isEmpty() && messages.isEmpty()
            && jobs.isEmpty() && resources.isEmpty() && syncState.isEmpty();
    }
    qsizetype entityCount() const
    {
        return agents.size() + runs.size() + steps.size() + stepMetrics.size() + messages.size() + jobs.size()
            + resources.size();
    }
};

/// What a committed write changed, for models to merge rows and for background consumers to react.
struct ChangeSet {
    enum Kind : unsigned {
        Agents = 1u << 0,
        Runs = 1u << 1,
        Steps = 1u << 2,
        Messages = 1u << 3,
        Jobs = 1u << 4,
        Resources = 1u << 5,
        Servers = 1u << 6,
        Trajectories = 1u << 7,
        ProcessingJobs = 1u << 8,
    };
    qint64 serverId = 0;
    unsigned kinds = 0;
    QSet<QString> runIds;    ///< runs whose row, steps or messages changed
    QSet<QString> agentIds;  ///< agents whose row changed
    qint64 changeSeq = 0;    ///< meta.change_seq after the write

    bool isEmpty() const { return kinds == 0; }
    bool has(Kind kind) const { return kinds & kind; }
    void merge(const ChangeSet &other);
};

} // namespace lettascope::store

Q_DECLARE_METATYPE(lettascope::store::ChangeSet)
