// SPDX-License-Identifier: MIT
#include "digest.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

QString clip(const QString &text, qsizetype max)
{
    const QString flat = text.simplified();
    return flat.size() <= max ? flat : flat.left(max - 1) + u'…';
}

QString partsText(const QJsonObject &message, QStringView type)
{
    QStringList texts;
    for (const auto &value : message.value(u"content"_s).toArray()) {
        const QJsonObject part = value.toObject();
        if (part.value(u"type"_s).toString() == type)
            texts << part.value(u"text"_s).toString();
    }
    return texts.join(u'\n');
}

namespace {

// Letta's classic agents pack the user's words into JSON ({"type": "user_message", "message": …});
// the summary and labels want the words, the data keeps the packing as stored.
QString unpackUserText(const QString &text)
{
    if (!text.startsWith(u'{'))
        return text;
    const QJsonObject packed = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString message = packed.value(u"message"_s).toString();
    return message.isEmpty() ? text : message;
}

void readMetadata(const QJsonObject &data, TrajectoryDigest &d)
{
    const QJsonObject md = data.value(u"metadata"_s).toObject();
    d.runStatus = md.value(u"status"_s).toString();
    d.stopReason = md.value(u"stop_reason"_s).toString();
    d.error = md.value(u"error"_s).toString();
    d.messageCount = md.value(u"message_count"_s).toInt();
    d.totalTokens = qint64(md.value(u"total_tokens"_s).toDouble());
    if (md.value(u"duration_ns"_s).isDouble())
        d.durationNs = qint64(md.value(u"duration_ns"_s).toDouble());
    for (const auto &m : md.value(u"models"_s).toArray())
        d.models << m.toString();
    for (const auto &t : md.value(u"tools_used"_s).toArray())
        d.toolsUsed << t.toString();
    d.executionStatus = data.value(u"outcome"_s).toObject().value(u"execution"_s).toObject().value(u"status"_s).toString();
}

void markRecovery(TrajectoryDigest &d)
{
    bool sawError = false;
    for (const ToolCallFact &call : d.toolCalls) {
        if (call.success == false)
            sawError = true;
        else if (sawError && call.success == true)
            d.recoveredAfterError = d.runStatus == u"completed";
    }
}

} // namespace

TrajectoryDigest digestOf(const QJsonObject &data)
{
    TrajectoryDigest d;
    d.runId = data.value(u"run_id"_s).toString();
    readMetadata(data, d);
    const QJsonArray turns = data.value(u"turns"_s).toArray();
    d.turnCount = int(turns.size());
    QHash<QString, qsizetype> callById;
    QList<qsizetype> unanswered; // calls without a return yet, in order
    for (qsizetype t = 0; t < turns.size(); ++t) {
        for (const auto &value : turns[t].toObject().value(u"messages"_s).toArray()) {
            const QJsonObject m = value.toObject();
            const QString role = m.value(u"role"_s).toString();
            if (role == u"user") {
                ++d.userMessages;
                if (const QString text = partsText(m, u"text"); !text.isEmpty())
                    d.userTexts << unpackUserText(text);
            } else if (role == u"assistant") {
                ++d.assistantMessages;
                if (const QString text = partsText(m, u"text"); !text.isEmpty())
                    d.lastAssistantText = text;
                if (const QString reasoning = partsText(m, u"reasoning"); !reasoning.isEmpty()) {
                    ++d.reasoningParts;
                    if (d.firstReasoning.isEmpty())
                        d.firstReasoning = reasoning;
                }
                if (m.value(u"approval"_s).toString() == u"requested")
                    ++d.approvalsRequested;
                for (const auto &c : m.value(u"tool_calls"_s).toArray()) {
                    const QJsonObject call = c.toObject();
                    const QJsonObject function = call.value(u"function"_s).toObject();
                    ToolCallFact fact{int(t), call.value(u"id"_s).toString(), function.value(u"name"_s).toString(),
                                      function.value(u"arguments"_s).toString(), std::nullopt, {}};
                    if (!fact.id.isEmpty())
                        callById.insert(fact.id, d.toolCalls.size());
                    unanswered << d.toolCalls.size();
                    d.toolCalls << fact;
                }
            } else if (role == u"tool") {
                qsizetype index = callById.value(m.value(u"tool_call_id"_s).toString(), -1);
                if (index < 0 && !unanswered.isEmpty())
                    index = unanswered.constFirst();
                if (index < 0)
                    continue;
                unanswered.removeOne(index);
                ToolCallFact &fact = d.toolCalls[index];
                const QString status = m.value(u"status"_s).toString();
                if (!status.isEmpty())
                    fact.success = status != u"error";
                fact.result = partsText(m, u"text");
                if (fact.success == false)
                    ++d.toolErrors;
            } else if (role == u"approval" && m.value(u"approved"_s).toBool(true) == false) {
                ++d.approvalsDenied;
            }
        }
    }
    markRecovery(d);
    return d;
}

} // namespace lettascope::trajectories
