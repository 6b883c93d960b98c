// SPDX-License-Identifier: MIT
#include "llmtypes.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::fakellm {

namespace {

// Message content is a string or a list of parts; only text parts count.
QStringList contentTexts(const QJsonValue &content)
{
    if (content.isString())
        return {content.toString()};
    QStringList texts;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject o = part.toObject();
        if (o.value(u"type").toString() == u"text")
            texts.append(o.value(u"text").toString());
    }
    return texts;
}

QJsonArray messagesOf(const QJsonObject &json)
{
    return json.value(u"messages").toArray();
}

} // namespace

QString routePath(Route route)
{
    switch (route) {
    case Route::Models: return u"/v1/models"_s;
    case Route::ChatCompletions: return u"/v1/chat/completions"_s;
    case Route::Embeddings: return u"/v1/embeddings"_s;
    }
    return {};
}

bool LlmRequest::stream() const
{
    return json.value(u"stream").toBool();
}

QString LlmRequest::model() const
{
    return json.value(u"model").toString();
}

bool LlmRequest::wantsJson() const
{
    const QString type = json.value(u"response_format").toObject().value(u"type").toString();
    return type == u"json_object" || type == u"json_schema";
}

QString LlmRequest::lastRole() const
{
    const QJsonArray messages = messagesOf(json);
    return messages.isEmpty() ? QString() : messages.last().toObject().value(u"role").toString();
}

QString LlmRequest::lastUserText() const
{
    const QJsonArray messages = messagesOf(json);
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(u"role").toString() != u"user")
            continue;
        QStringList texts = contentTexts(message.value(u"content"));
        texts.removeIf([](const QString &text) { return text.trimmed().startsWith(u"<system-reminder>"); });
        return texts.join(u'\n').trimmed();
    }
    return {};
}

QStringList LlmRequest::allTexts() const
{
    QStringList texts;
    for (const QJsonValue &message : messagesOf(json))
        texts += contentTexts(message.toObject().value(u"content"));
    return texts;
}

QStringList LlmRequest::embeddingInputs() const
{
    const QJsonValue input = json.value(u"input");
    if (input.isString())
        return {input.toString()};
    QStringList inputs;
    for (const QJsonValue &item : input.toArray())
        inputs.append(item.toString());
    return inputs;
}

QString Completion::effectiveFinishReason() const
{
    if (!finishReason.isEmpty())
        return finishReason;
    return toolCalls.isEmpty() ? u"stop"_s : u"tool_calls"_s;
}

Reply Reply::text(const QString &content)
{
    Reply reply;
    reply.completion.content = content;
    return reply;
}

Reply Reply::toolCall(const QString &name, const QString &arguments)
{
    Reply reply;
    reply.completion.toolCalls.append(ToolCallSpec{{}, name, arguments});
    return reply;
}

Reply Reply::of(Completion completion)
{
    Reply reply;
    reply.completion = std::move(completion);
    return reply;
}

Reply Reply::jsonBody(const QJsonDocument &document)
{
    Reply reply;
    reply.kind = Kind::Json;
    reply.json = document;
    return reply;
}

Reply Reply::httpError(int status, const QByteArray &body)
{
    Reply reply;
    reply.kind = Kind::Status;
    reply.status = status;
    reply.body = body;
    if (reply.body.isEmpty()) {
        const QJsonObject error{{u"message"_s, u"fake upstream failure"_s},
                                {u"type"_s, status == 429 ? u"rate_limit_error"_s : u"server_error"_s},
                                {u"code"_s, u"fake_%1"_s.arg(status)}};
        reply.body = QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact);
    }
    return reply;
}

Reply Reply::rateLimited(int retryAfterSeconds)
{
    Reply reply = httpError(429);
    reply.retryAfterSeconds = retryAfterSeconds;
    return reply;
}

Reply Reply::malformedJson()
{
    Reply reply;
    reply.kind = Kind::MalformedJson;
    return reply;
}

Reply Reply::hang()
{
    Reply reply;
    reply.kind = Kind::Hang;
    return reply;
}

Reply &Reply::delayedBy(int ms)
{
    delayMs = ms;
    return *this;
}

} // namespace lettascope::fakellm
