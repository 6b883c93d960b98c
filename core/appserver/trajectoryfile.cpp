// SPDX-License-Identifier: MIT
#include "trajectoryfile.h"

#include "common/timestamps.h"
#include "common/jsonread.h"
#include "letta/textflatten.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {

Message recordMessage(const QJsonObject &record, const QString &id, const QString &type, const ConversationRef &conversation)
{
    Message m;
    m.id = id;
    m.messageType = type;
    m.kind = messageKindFromType(type);
    m.agentId = conversation.agentId;
    m.conversationId = conversation.key;
    m.dateMs = parseTimestampMs(record.value(u"timestamp").toString());
    m.text = letta::flattenContent(record.value(u"content"));
    m.raw = record;
    return m;
}

// Reasoning is logged before the answer of the same model call.
QString callIdFor(const QJsonArray &records, qsizetype index, const QString &idPrefix)
{
    for (qsizetype next = index; next < records.size(); ++next) {
        const QString role = records[next].toObject().value(u"role").toString();
        if (role == u"assistant")
            return idPrefix + u':' + QString::number(next);
        if (role != u"reasoning")
            break;
    }
    return idPrefix + u':' + QString::number(index);
}

} // namespace

Result<TrajectoryFile> parseTrajectoryFile(const QByteArray &json, const ConversationRef &conversation,
                                           const QString &idPrefix)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{ErrorKind::BadPayload, u"not JSON: %1"_s.arg(error.errorString())};
    const QJsonArray records = doc.array();
    if (!doc.isArray() || records.isEmpty() || records.first().toObject().value(u"role").toString() != u"meta")
        return Error{ErrorKind::BadPayload, u"not a trajectory-v1 file (a JSON array starting with a meta record)"_s};
    TrajectoryFile file;
    const QJsonObject meta = records.first().toObject();
    file.source = meta.value(u"source").toString();
    file.cwd = meta.value(u"cwd").toString();
    file.model = meta.value(u"model").toString();
    std::optional<Step> modelStep;
    if (!file.model.isEmpty()) {
        modelStep = Step{};
        modelStep->model = file.model;
    }
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QJsonObject record = records[i].toObject();
        const QString role = record.value(u"role").toString();
        const QString id = idPrefix + u':' + QString::number(i);
        if (role == u"user") {
            file.entries.append(HistoryEntry{recordMessage(record, id, u"user_message"_s, conversation), {}, {}});
        } else if (role == u"system") {
            file.entries.append(HistoryEntry{recordMessage(record, id, u"system_message"_s, conversation), {}, {}});
        } else if (role == u"reasoning") {
            file.entries.append(HistoryEntry{recordMessage(record, id, u"reasoning_message"_s, conversation),
                                             callIdFor(records, i, idPrefix), modelStep});
        } else if (role == u"assistant") {
            if (!record.value(u"content").toString().isEmpty())
                file.entries.append(HistoryEntry{recordMessage(record, id, u"assistant_message"_s, conversation), id, modelStep});
            for (const QJsonValue &value : record.value(u"tool_calls").toArray()) {
                const QJsonObject call = value.toObject();
                Message m = recordMessage(record, id, u"tool_call_message"_s, conversation);
                m.text.clear();
                const QJsonValue args = call.value(u"args");
                m.toolCalls = {ToolCall{call.value(u"id").toString(), call.value(u"name").toString(),
                                        args.isString() ? args.toString() : json::compact(args)}};
                normaliseToolMessageId(m, conversation);
                file.entries.append(HistoryEntry{std::move(m), id, modelStep});
            }
        } else if (role == u"tool") {
            Message m = recordMessage(record, id, u"tool_return_message"_s, conversation);
            const QJsonValue ok = record.value(u"ok");
            // `ok` arrived in trajectory 0.3.0; without it the outcome is not known.
            const QString status = ok.isBool() ? (ok.toBool() ? u"success"_s : u"error"_s) : QString();
            m.toolReturns = {ToolReturn{record.value(u"tool_call_id").toString(), status, m.text, {}, {}}};
            m.isError = status == u"error";
            normaliseToolMessageId(m, conversation);
            file.entries.append(HistoryEntry{std::move(m), {}, {}});
        } else if (role == u"observation") {
            file.entries.append(HistoryEntry{recordMessage(record, id, u"event_message"_s, conversation), {}, {}});
        } else {
            ++file.skipped;
        }
    }
    return file;
}

} // namespace lettascope::appserver
