// SPDX-License-Identifier: MIT
#include "completionrender.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::fakellm {

namespace {

QJsonObject chunk(const CompletionMeta &meta, const QJsonArray &choices)
{
    return {{u"id"_s, meta.id}, {u"object"_s, u"chat.completion.chunk"_s}, {u"created"_s, meta.created},
            {u"model"_s, meta.model}, {u"choices"_s, choices}};
}

QJsonObject choice(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null)
{
    return {{u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}};
}

QJsonObject usageJson(const Usage &usage)
{
    return {{u"prompt_tokens"_s, usage.promptTokens}, {u"completion_tokens"_s, usage.completionTokens},
            {u"total_tokens"_s, usage.totalTokens}};
}

QJsonObject toolCallJson(const ToolCallSpec &call, int index)
{
    QJsonObject json{{u"id"_s, call.id}, {u"type"_s, u"function"_s},
                     {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}};
    if (index >= 0)
        json.insert(u"index"_s, index);
    return json;
}

void appendEvent(QByteArray &out, const QJsonObject &data)
{
    out += "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

// Word-sized deltas, as a tokenizer would send them: every word keeps its following space.
QStringList textDeltas(const QString &text)
{
    QStringList deltas;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype space = text.indexOf(u' ', start);
        qsizetype end = space < 0 ? text.size() : space + 1;
        deltas.append(text.mid(start, end - start));
        start = end;
    }
    return deltas;
}

} // namespace

QByteArray renderStream(const Completion &completion, const CompletionMeta &meta)
{
    QByteArray out;
    bool first = true;
    for (const QString &delta : textDeltas(completion.content)) {
        QJsonObject d{{u"content"_s, delta}};
        if (first)
            d.insert(u"role"_s, u"assistant"_s);
        first = false;
        appendEvent(out, chunk(meta, {choice(d)}));
    }
    for (int i = 0; i < completion.toolCalls.size(); ++i) {
        QJsonObject d{{u"tool_calls"_s, QJsonArray{toolCallJson(completion.toolCalls[i], i)}}};
        if (first)
            d.insert(u"role"_s, u"assistant"_s);
        first = false;
        appendEvent(out, chunk(meta, {choice(d)}));
    }
    appendEvent(out, chunk(meta, {choice(QJsonObject{}, completion.effectiveFinishReason())}));
    QJsonObject usage = chunk(meta, QJsonArray{});
    usage.insert(u"usage"_s, usageJson(completion.usage));
    appendEvent(out, usage);
    out += "data: [DONE]\n\n";
    return out;
}

QJsonObject renderJson(const Completion &completion, const CompletionMeta &meta)
{
    QJsonObject message{{u"role"_s, u"assistant"_s}};
    message.insert(u"content"_s, completion.content.isEmpty() && !completion.toolCalls.isEmpty()
                       ? QJsonValue(QJsonValue::Null) : QJsonValue(completion.content));
    if (!completion.toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCallSpec &call : completion.toolCalls)
            calls.append(toolCallJson(call, -1));
        message.insert(u"tool_calls"_s, calls);
    }
    const QJsonObject only{{u"index"_s, 0}, {u"message"_s, message}, {u"finish_reason"_s, completion.effectiveFinishReason()}};
    return {{u"id"_s, meta.id}, {u"object"_s, u"chat.completion"_s}, {u"created"_s, meta.created},
            {u"model"_s, meta.model}, {u"choices"_s, QJsonArray{only}}, {u"usage"_s, usageJson(completion.usage)}};
}

QByteArray renderMalformed(bool stream)
{
    if (stream)
        return "data: {\"id\": \"chatcmpl-broken\", \"choices\": [{\"delta\": {\"content\": \"unterminated\n\n";
    return "{\"id\": \"chatcmpl-broken\", \"choices\": [{\"message\": ";
}

} // namespace lettascope::fakellm
