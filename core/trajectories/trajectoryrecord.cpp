// SPDX-License-Identifier: MIT
#include "trajectoryrecord.h"

#include "common/timestamps.h"
#include "outcome.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {

constexpr qsizetype kPartCap = 600;      // per text piece
constexpr qsizetype kSearchTextCap = 24'000;

std::optional<qint64> optionalInt(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return qint64(value.toDouble());
}

} // namespace

QString trajectoryIdForRun(const QString &runId)
{
    return u"trajectory-"_s + runId;
}

QString searchTextFor(const QJsonObject &data)
{
    QStringList parts;
    qsizetype size = 0;
    auto add = [&](const QString &text) {
        if (text.isEmpty() || size >= kSearchTextCap)
            return;
        const QString piece = text.left(kPartCap);
        size += piece.size() + 1;
        parts << piece;
    };
    const QJsonObject metadata = data.value(u"metadata"_s).toObject();
    add(metadata.value(u"stop_reason"_s).toString());
    add(metadata.value(u"error"_s).toString());
    for (const auto &turnValue : data.value(u"turns"_s).toArray()) {
        for (const auto &messageValue : turnValue.toObject().value(u"messages"_s).toArray()) {
            const QJsonObject message = messageValue.toObject();
            for (const auto &content : message.value(u"content"_s).toArray())
                add(content.toObject().value(u"text"_s).toString());
            for (const auto &call : message.value(u"tool_calls"_s).toArray()) {
                const QJsonObject function = call.toObject().value(u"function"_s).toObject();
                add(function.value(u"name"_s).toString());
                add(function.value(u"arguments"_s).toString());
            }
            if (message.value(u"status"_s).toString() == u"error")
                add(u"tool error"_s);
        }
    }
    return parts.join(u'\n');
}

TrajectoryRecord recordFromData(qint64 serverId, const QString &agentId, const QJsonObject &data)
{
    TrajectoryRecord r;
    r.serverId = serverId;
    r.agentId = agentId;
    r.data = data;
    r.runId = data.value(u"run_id"_s).toString();
    r.id = trajectoryIdForRun(r.runId);
    const QJsonObject metadata = data.value(u"metadata"_s).toObject();
    const QJsonObject outcome = data.value(u"outcome"_s).toObject();
    r.executionStatus = outcome.value(u"execution"_s).toObject().value(u"status"_s).toString();
    if (r.executionStatus.isEmpty()) {
        // Records from before the execution.status rename carry only the legacy type.
        const QString type = outcome.value(u"type"_s).toString();
        r.executionStatus = type == u"success" ? u"completed"_s
            : type == u"partial_success"        ? u"incomplete"_s
            : type == u"failure"                ? u"failed"_s
                                                : u"unknown"_s;
    }
    r.runStatus = metadata.value(u"status"_s).toString();
    r.stopReason = metadata.value(u"stop_reason"_s).toString();
    r.createdMs = parseTimestampMs(metadata.value(u"start_time"_s).toString());
    r.stepCount = metadata.value(u"step_count"_s).toInt();
    r.messageCount = metadata.value(u"message_count"_s).toInt();
    r.totalTokens = qint64(metadata.value(u"total_tokens"_s).toDouble());
    r.durationNs = optionalInt(metadata.value(u"duration_ns"_s));
    for (const auto &tool : metadata.value(u"tools_used"_s).toArray())
        r.toolsUsed << tool.toString();
    r.searchText = searchTextFor(data);
    const QByteArray json = QJsonDocument(data).toJson(QJsonDocument::Compact);
    r.contentHash = QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha1).toHex().left(20));
    return r;
}

} // namespace lettascope::trajectories
