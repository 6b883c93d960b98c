// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "llmtypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace lettascope::fakellm {

/**
 * A scripted OpenAI-compatible LLM server on 127.0.0.1 for tests and demos: GET /v1/models,
 * POST /v1/chat/completions (streaming and not), POST /v1/embeddings.
 *
 * Each route answers from its queue of scripted replies first, then from its responder (by default
 * the capture conventions in defaultrules.h). Replies can be faults: HTTP errors, 429 with
 * Retry-After, malformed JSON, latency, or no answer at all. Every request is logged.
 * Lives on the thread that created it; it needs that thread's event loop to answer.
 */
class FakeLlmServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeLlmServer)

public:
    using Responder = std::function<Reply(const LlmRequest &)>;

    explicit FakeLlmServer(QObject *parent = nullptr);
    ~FakeLlmServer() override;

    /// Binds 127.0.0.1 only (never another interface); port 0 picks a free one.
    Result<quint16> listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>/v1, what OpenAI-compatible clients take as their base URL.
    QUrl baseUrl() const;

    /// Answers the next request on `route` with `reply` (queued replies are used in order).
    void enqueue(Route route, Reply reply);
    /// Replaces the default rules of `route` for requests no queued reply answers.
    void setResponder(Route route, Responder responder);

    QList<LlmRequest> requests() const { return m_requests; }
    QList<LlmRequest> requests(Route route) const;

Q_SIGNALS:
    void requestReceived(const lettascope::fakellm::LlmRequest &request);

private:
    void handle(Route route, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void answer(const LlmRequest &request, const Reply &reply, QHttpServerResponder &responder);
    Reply replyFor(Route route, const LlmRequest &request);
    QString nextId(QStringView prefix);

    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    QByteArray m_nonce;     ///< makes generated ids differ between server instances
    int m_idCounter = 0;
    QHash<Route, QQueue<Reply>> m_queues;
    QHash<Route, Responder> m_responders;
    QList<LlmRequest> m_requests;
    /// Requests answered with Reply::hang(): kept open until the server is destroyed.
    QList<std::shared_ptr<QHttpServerResponder>> m_hanging;
};

} // namespace lettascope::fakellm
