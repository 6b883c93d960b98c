// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "model/entities.h"

#include <QList>

#include <optional>

namespace lettascope::store {

class Database;

/// A run's steps in execution order.
Result<QList<Step>> stepsForRun(Database &db, qint64 serverId, const QString &runId);
/// A run's messages in timeline order (date, then source order).
Result<QList<Message>> messagesForRun(Database &db, qint64 serverId, const QString &runId);

struct StepQuery {
    qint64 serverId = 0;
    QString agentId;
    QString runId;
    QString model;
    QString status;
    qint64 offset = 0;
    qint64 limit = 100;
};
/// Steps newest run first; steps carry no timestamp of their own, so they sort by their run's creation.
Result<QList<Step>> listSteps(Database &db, const StepQuery &query);

struct MessageQuery {
    qint64 serverId = 0;
    QString agentId;
    QString runId;
    QStringList messageTypes;
    std::optional<qint64> sinceMs;
    qint64 offset = 0;
    qint64 limit = 100;
};
/// Messages newest first.
Result<QList<Message>> listMessages(Database &db, const MessageQuery &query);

} // namespace lettascope::store
