// SPDX-License-Identifier: MIT
#include "httpclient.h"

#include "attemptoutcome.h"
#include "common/logging.h"
#include "common/jsonparse.h"
#include "requestbuilder.h"
#include "retrypolicy.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lettascope::net {

struct HttpClient::Task {
    enum class Phase { Queued, InFlight, Backoff };
    quint64 id = 0;
    Call call;
    QString hostKey;
    Phase phase = Phase::Queued;
    int attempts = 0;
    bool holdsSlot = false;
    bool cancelled = false;
    bool timedOut = false;
    QNetworkReply *reply = nullptr;
    QTimer *timer = nullptr;                    // transfer timeout while in flight, backoff while waiting
    QFutureWatcher<void> *watcher = nullptr;    // tells us about QFuture::cancel() from any thread
    QElapsedTimer clock;
};

namespace {
QString hostKeyOf(const QUrl &url)
{
    return url.scheme() + u"://"_s + url.host() + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

Error cancelledError(const QString &why)
{
    return Error{ErrorKind::Cancelled, why, 0, {}, std::nullopt};
}
} // namespace

HttpClient::HttpClient(QObject *parent) : QObject(parent) { }

HttpClient::~HttpClient()
{
    // Waiters on other threads must not hang: every outstanding future gets an answer.
    while (!m_tasks.empty()) {
        Task &task = *m_tasks.begin()->second;
        if (task.reply) {
            task.reply->disconnect(this);
            task.reply->abort();
            delete std::exchange(task.reply, nullptr);
        }
        finishTask(task.id, cancelledError(u"%1: the HTTP client shut down"_s.arg(task.call.request.describe())));
    }
}

void HttpClient::setEndpoint(const ServerEndpoint &endpoint)
{
    QMutexLocker lock(&m_configMutex);
    m_endpoint = endpoint;
}

ServerEndpoint HttpClient::endpoint() const
{
    QMutexLocker lock(&m_configMutex);
    return m_endpoint;
}

void HttpClient::setOptions(const HttpOptions &options)
{
    QMutexLocker lock(&m_configMutex);
    m_options = options;
}

HttpOptions HttpClient::options() const
{
    QMutexLocker lock(&m_configMutex);
    return m_options;
}

int HttpClient::pendingCount() const
{
    return m_pending.loadRelaxed();
}

QFuture<HttpResult> HttpClient::send(HttpRequest request)
{
    return send<HttpResponse>(std::move(request), [](const HttpResponse &response) { return HttpResult(response); });
}

QFuture<Result<QJsonValue>> HttpClient::getJson(const QString &path, const QueryItems &query)
{
    return send<QJsonValue>(HttpRequest::get(path, query),
                            [](const HttpResponse &response) { return parseJsonText(response.body); });
}

void HttpClient::enqueue(Call call)
{
    {
        // Snapshot the configuration now: a request belongs to the server it was issued for.
        QMutexLocker lock(&m_configMutex);
        call.endpoint = m_endpoint;
        call.options = m_options;
    }
    m_pending.ref();
    QMetaObject::invokeMethod(this, [this, call = std::move(call)]() mutable { accept(std::move(call)); },
                              Qt::QueuedConnection);
}

HttpClient::Task *HttpClient::find(quint64 id)
{
    const auto it = m_tasks.find(id);
    return it == m_tasks.end() ? nullptr : it->second.get();
}

QNetworkAccessManager *HttpClient::network()
{
    // Created lazily so it is born on the network thread, after moveToThread().
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setAutoDeleteReplies(false);
    }
    return m_network;
}

void HttpClient::accept(Call call)
{
    auto owned = std::make_unique<Task>();
    Task &task = *owned;
    task.id = ++m_nextId;
    task.call = std::move(call);
    task.hostKey = hostKeyOf(task.call.endpoint.baseUrl);
    task.clock.start();
    task.timer = new QTimer(this);
    task.timer->setSingleShot(true);
    connect(task.timer, &QTimer::timeout, this, [this, id = task.id] { onTimer(id); });
    task.watcher = new QFutureWatcher<void>(this);
    connect(task.watcher, &QFutureWatcherBase::canceled, this, [this, id = task.id] { cancelTask(id); });
    task.watcher->setFuture(task.call.future);
    m_tasks.emplace(task.id, std::move(owned));
    m_hosts[task.hostKey].queue.push_back(task.id);
    pump(task.hostKey);
}

void HttpClient::pump(const QString &hostKey)
{
    Host &host = m_hosts[hostKey];
    while (!host.queue.empty()) {
        Task *task = find(host.queue.front());
        if (task && host.active >= std::max(1, task->call.options.maxConnectionsPerHost))
            return;
        host.queue.pop_front();
        if (!task)
            continue;
        ++host.active;
        task->holdsSlot = true;
        startAttempt(*task);
    }
}

void HttpClient::releaseSlot(Task &task)
{
    if (task.holdsSlot) {
        task.holdsSlot = false;
        --m_hosts[task.hostKey].active;
    }
}

void HttpClient::startAttempt(Task &task)
{
    if (task.call.future.isCanceled()) {
        releaseSlot(task);
        finishTask(task.id, cancelledError(u"request cancelled"_s));
        return;
    }
    ++task.attempts;
    task.phase = Task::Phase::InFlight;
    task.timedOut = false;
    const HttpRequest &request = task.call.request;
    const QNetworkRequest networkRequest = buildNetworkRequest(task.call.endpoint, task.call.options, request);
    qCDebug(lcApi).noquote() << request.method << networkRequest.url().toDisplayString() << "attempt" << task.attempts;
    task.reply = request.method == "GET" ? network()->get(networkRequest)
                                         : network()->sendCustomRequest(networkRequest, request.method, request.body);
    const quint64 id = task.id;
    connect(task.reply, &QNetworkReply::finished, this, [this, id] { onReplyFinished(id); });
    const auto restartTimeout = [this, id] {
        if (Task *t = find(id); t && t->phase == Task::Phase::InFlight)
            t->timer->start();
    };
    connect(task.reply, &QNetworkReply::downloadProgress, this, restartTimeout);
    connect(task.reply, &QNetworkReply::uploadProgress, this, restartTimeout);
    task.timer->setInterval(std::max(1, task.call.options.transferTimeoutMs));
    task.timer->start();
}

void HttpClient::onTimer(quint64 id)
{
    Task *task = find(id);
    if (!task)
        return;
    if (task->phase == Task::Phase::InFlight && task->reply) {
        task->timedOut = true;
        task->reply->abort(); // finished() follows and classifies it as a timeout
    } else if (task->phase == Task::Phase::Backoff) {
        // Back of the line would starve a retry behind a long queue; it goes first.
        task->phase = Task::Phase::Queued;
        m_hosts[task->hostKey].queue.push_front(id);
        pump(task->hostKey);
    }
}

void HttpClient::cancelTask(quint64 id)
{
    Task *task = find(id);
    if (!task || task->cancelled)
        return;
    task->cancelled = true;
    qCDebug(lcApi).noquote() << task->call.request.describe() << "cancelled";
    if (task->phase == Task::Phase::InFlight && task->reply) {
        task->reply->abort(); // finished() follows, possibly synchronously; it finishes the task
        return;
    }
    if (task->phase == Task::Phase::Queued) {
        auto &queue = m_hosts[task->hostKey].queue;
        queue.erase(std::remove(queue.begin(), queue.end(), id), queue.end());
    }
    releaseSlot(*task);
    const QString hostKey = task->hostKey;
    finishTask(id, cancelledError(u"request cancelled"_s));
    pump(hostKey);
}

void HttpClient::onReplyFinished(quint64 id)
{
    Task *task = find(id);
    if (!task || !task->reply)
        return;
    QNetworkReply *reply = std::exchange(task->reply, nullptr);
    reply->deleteLater();
    task->timer->stop();
    releaseSlot(*task);
    const QString hostKey = task->hostKey;

    if (task->cancelled) {
        finishTask(id, cancelledError(u"request cancelled"_s));
        pump(hostKey);
        return;
    }

    AttemptFacts facts;
    facts.response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        facts.response.body = reply->readAll();
    facts.response.url = reply->url();
    facts.response.attempts = task->attempts;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        facts.response.headers.append({name, value});
    facts.error = reply->error();
    facts.errorString = reply->errorString();
    facts.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    facts.timedOut = task->timedOut;
    facts.timeoutMs = task->call.options.transferTimeoutMs;
    facts.bodyExpected = task->call.request.method != "HEAD";
    facts.what = task->call.request.describe();
    AttemptOutcome outcome = classifyAttempt(std::move(facts));

    const HttpOptions &options = task->call.options;
    const bool mayRetry = outcome.retryable && task->call.request.isIdempotent() && task->attempts < options.maxAttempts;
    if (!outcome.result.ok() && mayRetry) {
        const bool waitTooLong = outcome.retryAfterMs && *outcome.retryAfterMs > options.maxRetryAfterMs;
        if (!waitTooLong) {
            const qint64 delay = outcome.retryAfterMs.value_or(
                backoffDelayMs(task->attempts, options.backoffBaseMs, options.backoffMaxMs));
            qCDebug(lcApi).noquote() << outcome.result.error().toString() << "- retrying in" << delay << "ms";
            task->phase = Task::Phase::Backoff;
            task->timer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
            pump(hostKey);
            return;
        }
    }
    finishTask(id, std::move(outcome.result));
    pump(hostKey);
}

void HttpClient::finishTask(quint64 id, HttpResult &&result)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    std::unique_ptr<Task> task = std::move(it->second);
    m_tasks.erase(it);
    task->timer->deleteLater();
    task->watcher->disconnect(this);
    task->watcher->deleteLater();
    if (result.ok()) {
        qCDebug(lcApi).noquote() << task->call.request.describe() << "->" << result.value().status << "in"
                                 << task->clock.elapsed() << "ms," << task->attempts << "attempt(s)";
    } else {
        qCDebug(lcApi).noquote() << result.error().toString() << "after" << task->attempts << "attempt(s)";
    }
    m_pending.deref();
    task->call.complete(std::move(result));
}

} // namespace lettascope::net
