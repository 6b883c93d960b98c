// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"

#include <QFuture>
#include <QHash>
#include <QJsonValue>
#include <QMutex>
#include <QObject>
#include <QPromise>

#include <deque>
#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace lettascope::net {

/**
 * HTTP transport to one Letta server: bounded parallelism per host with a queue, a transfer
 * timeout, retries with exponential backoff and full jitter (honouring Retry-After), and
 * cancellation through the returned future.
 *
 * The object lives on a network thread (see NetworkThread) and owns its QNetworkAccessManager
 * there. send() and the setters are thread-safe: call them from the GUI, a sync worker or the
 * network thread itself. Each call returns a QFuture that finishes exactly once:
 * - with a value: the decoded result, or an Error whose ErrorKind says what went wrong;
 * - cancelled: the caller called QFuture::cancel(); the request is dequeued or its reply aborted.
 *   Use resultOf() to read such a future as ErrorKind::Cancelled.
 * A decoder passed to send() runs on the network thread, so page parsing never lands on the GUI.
 * Never block on one of these futures on the network thread itself: nothing could fulfil it.
 */
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    template<typename T>
    using Decoder = std::function<Result<T>(const HttpResponse &)>;

    explicit HttpClient(QObject *parent = nullptr);
    /// Finishes every outstanding future with ErrorKind::Cancelled. Must run on the client's thread.
    ~HttpClient() override;

    void setEndpoint(const ServerEndpoint &endpoint);
    ServerEndpoint endpoint() const;
    void setOptions(const HttpOptions &options);
    HttpOptions options() const;

    /// Raw response of any status class is only returned for 2xx; everything else is an Error.
    QFuture<HttpResult> send(HttpRequest request);
    /// As send(), then `decode` on the network thread. Errors skip the decoder.
    template<typename T>
    QFuture<Result<T>> send(HttpRequest request, Decoder<T> decode);
    /// GET returning the body as JSON (any JSON value, including null and bare numbers).
    QFuture<Result<QJsonValue>> getJson(const QString &path, const QueryItems &query = {});

    /// Requests in flight plus queued, for status displays and tests. Thread-safe.
    int pendingCount() const;

private:
    struct Call {
        HttpRequest request;
        ServerEndpoint endpoint;
        HttpOptions options;
        QFuture<void> future;
        std::function<void(HttpResult &&)> complete;
    };
    struct Task;
    struct Host {
        int active = 0;
        std::deque<quint64> queue;
    };

    void enqueue(Call call);
    void accept(Call call);
    void pump(const QString &hostKey);
    void startAttempt(Task &task);
    void onReplyFinished(quint64 id);
    void onTimer(quint64 id);
    void cancelTask(quint64 id);
    void releaseSlot(Task &task);
    void finishTask(quint64 id, HttpResult &&result);
    Task *find(quint64 id);
    QNetworkAccessManager *network();

    mutable QMutex m_configMutex;
    ServerEndpoint m_endpoint;
    HttpOptions m_options;
    QAtomicInt m_pending;

    // Network-thread state below.
    QNetworkAccessManager *m_network = nullptr;
    std::map<quint64, std::unique_ptr<Task>> m_tasks;
    QHash<QString, Host> m_hosts;
    quint64 m_nextId = 0;
};

template<typename T>
QFuture<Result<T>> HttpClient::send(HttpRequest request, Decoder<T> decode)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    Call call;
    call.request = std::move(request);
    call.future = QFuture<void>(future);
    call.complete = [promise, decode = std::move(decode)](HttpResult &&result) {
        // A cancelled future takes no result; skip the decoding work too.
        if (!promise->isCanceled())
            promise->addResult(result.ok() ? decode(result.value()) : Result<T>(result.error()));
        promise->finish();
    };
    enqueue(std::move(call));
    return future;
}

/// Reads a finished (or cancelled) future as a Result; cancellation reads as ErrorKind::Cancelled.
/// Blocks until the future finishes, so call it from the thread that wants to wait.
template<typename T>
Result<T> resultOf(QFuture<Result<T>> future)
{
    using namespace Qt::StringLiterals;
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return Error{ErrorKind::Cancelled, u"request cancelled"_s};
    return future.result();
}

} // namespace lettascope::net
