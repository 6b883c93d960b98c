// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Value types of the fake OpenAI-compatible LLM server: what it was asked (LlmRequest) and what it
// answers (Reply). Tests script replies per route; anything unscripted gets the default rules.
namespace lettascope::fakellm {

enum class Route {
    Models,           ///< GET /v1/models
    ChatCompletions,  ///< POST /v1/chat/completions
    Embeddings,       ///< POST /v1/embeddings
};

QString routePath(Route route);

/// One request as the server received it.
struct LlmRequest {
    Route route = Route::ChatCompletions;
    int index = 0;                         ///< order of arrival over all routes, from 0
    qint64 receivedMs = 0;                 ///< since the server was created
    QHash<QByteArray, QByteArray> headers; ///< names lowercased
    QByteArray body;
    QJsonObject json;                      ///< the body when it is a JSON object, else empty

    bool stream() const;
    QString model() const;
    /// response_format json_object or json_schema: the caller wants the content to be JSON.
    bool wantsJson() const;
    /// Role of the last message ("user", "tool", "assistant" …).
    QString lastRole() const;
    /// Text of the last user message, without the <system-reminder> parts letta-code prepends.
    QString lastUserText() const;
    /// Every message's text, in order (system prompt, reminders, tool results …).
    QStringList allTexts() const;
    /// The embeddings `input`, as a list (a single string becomes one element).
    QStringList embeddingInputs() const;
};

struct ToolCallSpec {
    QString id;         ///< empty: the server assigns a unique "call_…" id
    QString name;
    QString arguments;  ///< JSON text, sent as the model would (may be deliberately invalid)
};

/// Token counts reported for one call; the defaults are the ones in the live captures.
struct Usage {
    qint64 promptTokens = 120;
    qint64 completionTokens = 12;
    qint64 totalTokens = 132;
};

/// What the model says in one chat completion.
struct Completion {
    QString content;
    QList<ToolCallSpec> toolCalls;
    QString finishReason;   ///< empty: "tool_calls" when there are calls, else "stop"
    Usage usage;

    QString effectiveFinishReason() const;
};

/// One scripted HTTP answer.
struct Reply {
    enum class Kind {
        Completion,     ///< a chat completion, streamed (SSE) or not, as the request asked
        Json,           ///< a 200 JSON body as given (models, embeddings, anything custom)
        Status,         ///< an HTTP error: status, body, optional Retry-After
        MalformedJson,  ///< 200 with a body (or SSE chunk) that is not valid JSON
        Hang,           ///< never answers; the client has to time out
    };
    Kind kind = Kind::Completion;
    Completion completion;
    QJsonDocument json;
    int status = 200;
    QByteArray body;
    std::optional<int> retryAfterSeconds;
    int delayMs = 0;    ///< latency before the answer starts

    static Reply text(const QString &content);
    static Reply toolCall(const QString &name, const QString &arguments);
    static Reply of(Completion completion);
    static Reply jsonBody(const QJsonDocument &document);
    /// An OpenAI-style error body unless `body` is given.
    static Reply httpError(int status, const QByteArray &body = {});
    static Reply rateLimited(int retryAfterSeconds);
    static Reply malformedJson();
    static Reply hang();
    Reply &delayedBy(int ms);
};

} // namespace lettascope::fakellm

Q_DECLARE_METATYPE(lettascope::fakellm::LlmRequest)
