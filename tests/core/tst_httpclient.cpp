// SPDX-License-Identifier: MIT
// The transport against a scripted loopback server: headers, status mapping, retries and backoff,
// Retry-After, timeouts, cancellation, bounded parallelism, redirects, threads, and log hygiene.
#include "common/whenready.h"
#include "net/httpclient.h"
#include "net/networkthread.h"
#include "scriptedhttpserver.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSslSocket>
#include <QTest>
#include <QThread>
#include <QtConcurrent>

#include <memory>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::net;
using testsupport::FakeResponse;
using testsupport::ScriptedHttpServer;

Q_DECLARE_METATYPE(lettascope::ErrorKind)

namespace {
// Log capture for the token test; the network thread logs too, hence the mutex.
QMutex logMutex;
QStringList capturedLogs;
QtMessageHandler previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLogs.append(message);
    }
    previousHandler(type, context, message);
}

template<typename T>
Result<T> await(const QFuture<Result<T>> &future, int timeoutMs = 15000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return Error{ErrorKind::None, u"test timed out waiting for the future"_s};
    return resultOf(future);
}
} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<NetworkThread> m_network;

    HttpClient *client() const { return m_network->client(); }
    HttpOptions fastOptions() const
    {
        HttpOptions options;
        options.backoffBaseMs = 5;
        options.backoffMaxMs = 20;
        options.transferTimeoutMs = 5000;
        return options;
    }
    QFuture<HttpResult> get(const QString &path, const QueryItems &query = {})
    {
        return client()->send(HttpRequest::get(path, query));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<NetworkThread>();
        client()->setEndpoint(ServerEndpoint{m_server->baseUrl(), {}, {}});
        client()->setOptions(fastOptions());
    }

    void cleanup()
    {
        m_network.reset();
        m_server.reset();
    }

    void sendsDeliberateHeadersAndQuery()
    {
        client()->setEndpoint(ServerEndpoint{m_server->baseUrl(), u"sk-let-secret"_s, u"proj-42"_s});
        m_server->enqueue(FakeResponse::json("[]"));
        const auto result = await(get(u"/v1/runs/"_s, {{u"statuses"_s, u"running"_s},
                                                        {u"statuses"_s, u"created"_s},
                                                        {u"start_date"_s, u"2025-01-29T15:01:19+00:00"_s}}));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const auto request = m_server->requests().value(0);
        QCOMPARE(request.path, u"/v1/runs/"_s);
        QCOMPARE(request.header("Authorization"), "Bearer sk-let-secret"_ba);
        QCOMPARE(request.header("X-Project-Id"), "proj-42"_ba);
        QCOMPARE(request.header("Accept"), "application/json"_ba);
        QCOMPARE(request.header("User-Agent"), "Lettascope"_ba);
        QCOMPARE(request.values(u"statuses"_s), (QStringList{u"running"_s, u"created"_s}));
        QCOMPARE(request.values(u"start_date"_s), QStringList{u"2025-01-29T15:01:19+00:00"_s});
    }

    void omitsAuthWithoutTokenAndStripsSlashFromUserAgent()
    {
        HttpOptions options = fastOptions();
        options.userAgent = u"lettascope-dev/0.1"_s;
        client()->setOptions(options);
        m_server->enqueue(FakeResponse::json("{}"));
        QVERIFY(await(get(u"/v1/health/"_s)).ok());
        const auto request = m_server->requests().value(0);
        QVERIFY(!request.hasHeader("Authorization"));
        QVERIFY(!request.hasHeader("X-Project-Id"));
        QVERIFY(!request.header("User-Agent").contains('/'));
    }

    void mapsStatusToErrorKind_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("requests");
        QTest::addColumn<QString>("detail");
        QTest::addRow("401 not retried") << 401 << R"({"detail":"Unauthorized"})"_ba << ErrorKind::Auth << 1 << u"Unauthorized"_s;
        QTest::addRow("403") << 403 << R"({"detail":"Forbidden"})"_ba << ErrorKind::Auth << 1 << u"Forbidden"_s;
        QTest::addRow("404") << 404 << R"({"detail":"Run not found with identifier run-1"})"_ba << ErrorKind::NotFound << 1
                             << u"Run not found with identifier run-1"_s;
        QTest::addRow("400 object detail") << 400
                                           << R"({"detail":{"code":"PENDING_APPROVAL","message":"waiting"}})"_ba
                                           << ErrorKind::BadRequest << 1 << u"PENDING_APPROVAL: waiting"_s;
        QTest::addRow("422 string detail") << 422 << R"({"trace_id":"t","detail":"[{'loc': ('path',)}]"})"_ba
                                           << ErrorKind::BadRequest << 1 << u"[{'loc': ('path',)}]"_s;
        QTest::addRow("501 not retried") << 501 << R"({"detail":"OTEL traces require ClickHouse"})"_ba
                                         << ErrorKind::Server << 1 << u"OTEL traces require ClickHouse"_s;
        QTest::addRow("500 retried to the limit") << 500 << R"({"detail":"A database error occurred."})"_ba
                                                  << ErrorKind::Server << 4 << u"A database error occurred."_s;
        QTest::addRow("429 provider error body") << 429
                                                 << R"({"error":{"type":"llm_rate_limit","message":"slow down"}})"_ba
                                                 << ErrorKind::RateLimited << 4 << u"slow down"_s;
    }
    void mapsStatusToErrorKind()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorKind, kind);
        QFETCH(int, requests);
        QFETCH(QString, detail);
        m_server->setHandler([&](const auto &) { return FakeResponse::json(body, status); });
        const auto result = await(get(u"/v1/runs/run-1"_s));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, kind);
        QCOMPARE(result.error().httpStatus, status);
        QCOMPARE(result.error().detail, detail);
        QVERIFY(result.error().message.contains(u"GET /v1/runs/run-1"_s));
        QCOMPARE(m_server->requestCount(), requests);
    }

    void retriesServerErrorsThenSucceeds()
    {
        m_server->enqueue(FakeResponse::json(R"({"detail":"down"})", 503));
        m_server->enqueue(FakeResponse::json(R"({"detail":"bad gateway"})", 502));
        m_server->enqueue(FakeResponse::json(R"({"version":"0.16.8"})"));
        const auto result = await(get(u"/v1/health/"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.value().attempts, 3);
        QCOMPARE(result.value().body, R"({"version":"0.16.8"})"_ba);
        QCOMPARE(m_server->requestCount(), 3);
    }

    void maxAttemptsIsConfigurable()
    {
        HttpOptions options = fastOptions();
        options.maxAttempts = 2;
        client()->setOptions(options);
        m_server->setHandler([](const auto &) { return FakeResponse::json("{}", 503); });
        const auto result = await(get(u"/v1/runs/"_s));
        QCOMPARE(result.error().kind, ErrorKind::Server);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void postIsNotRetried()
    {
        m_server->setHandler([](const auto &) { return FakeResponse::json("{}", 503); });
        HttpRequest request = HttpRequest::get(u"/v1/runs/run-1/stream"_s);
        request.method = "POST";
        request.body = "{}";
        const auto result = await(client()->send(request));
        QCOMPARE(result.error().kind, ErrorKind::Server);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().value(0).header("Content-Type"), "application/json"_ba);
    }

    void honoursRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("minimumWaitMs");
        QTest::addRow("delta seconds") << "1"_ba << 950;
        QTest::addRow("fraction") << "0.4"_ba << 380;
        // Filled in when the row runs; HTTP dates have whole-second resolution, so two seconds
        // ahead waits at least one.
        QTest::addRow("HTTP date") << "date"_ba << 900;
    }
    void honoursRetryAfter()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, minimumWaitMs);
        if (retryAfter == "date") {
            const QDateTime inTwo = QDateTime::currentDateTimeUtc().addSecs(2);
            retryAfter = QLocale::c().toString(inTwo, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
        }
        m_server->enqueue(FakeResponse::json(R"({"detail":"slow down"})", 429).header("Retry-After", retryAfter));
        m_server->enqueue(FakeResponse::json("[]"));
        const auto result = await(get(u"/v1/agents/"_s));
        QVERIFY(result.ok());
        QCOMPARE(m_server->requestCount(), 2);
        const qint64 waited = m_server->requests().at(1).receivedMs - m_server->requests().at(0).receivedMs;
        QVERIFY2(waited >= minimumWaitMs, qPrintable(u"waited only %1 ms"_s.arg(waited)));
    }

    void retryAfterBeyondCapFailsAtOnce()
    {
        HttpOptions options = fastOptions();
        options.maxRetryAfterMs = 500;
        client()->setOptions(options);
        m_server->enqueue(FakeResponse::json(R"({"detail":"quota"})", 429).header("Retry-After", "30"));
        const auto result = await(get(u"/v1/agents/"_s));
        QCOMPARE(result.error().kind, ErrorKind::RateLimited);
        QCOMPARE(result.error().retryAfterMs.value_or(-1), 30000);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void conflictRetriedOnlyWithRetryAfter()
    {
        m_server->enqueue(FakeResponse::json(R"({"detail":"deadlock"})", 409).header("Retry-After", "0"));
        m_server->enqueue(FakeResponse::json(R"({"detail":"conflict"})", 409));
        const auto result = await(get(u"/v1/runs/"_s));
        QCOMPARE(result.error().kind, ErrorKind::BadRequest);
        QCOMPARE(result.error().detail, u"conflict"_s);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void timeoutAbandonsAttemptsThenFails()
    {
        HttpOptions options = fastOptions();
        options.transferTimeoutMs = 150;
        options.maxAttempts = 2;
        client()->setOptions(options);
        m_server->setHandler([](const auto &) { return FakeResponse::of(FakeResponse::Mode::Hang); });
        const auto result = await(get(u"/v1/runs/"_s));
        QCOMPARE(result.error().kind, ErrorKind::Network);
        QVERIFY(result.error().message.contains(u"no data for 150 ms"_s));
        QCOMPARE(m_server->requestCount(), 2);
        QTRY_COMPARE(m_server->abandonedByClient(), 2);
    }

    void slowButSteadyResponseIsNotATimeout()
    {
        HttpOptions options = fastOptions();
        options.transferTimeoutMs = 400;
        client()->setOptions(options);
        m_server->enqueue(FakeResponse::json("[1]").delay(150));
        QVERIFY(await(get(u"/v1/runs/"_s)).ok());
    }

    void cancelAbortsRequestInFlight()
    {
        m_server->setHandler([](const auto &) { return FakeResponse::of(FakeResponse::Mode::Hang); });
        QFuture<HttpResult> future = get(u"/v1/runs/"_s);
        QTRY_COMPARE(m_server->requestCount(), 1);
        future.cancel();
        QTRY_VERIFY(future.isFinished());
        QVERIFY(future.isCanceled());
        QCOMPARE(resultOf(future).error().kind, ErrorKind::Cancelled);
        QTRY_COMPARE(m_server->abandonedByClient(), 1);
        QTRY_COMPARE(client()->pendingCount(), 0);
    }

    void cancelRemovesQueuedRequest()
    {
        HttpOptions options = fastOptions();
        options.maxConnectionsPerHost = 1;
        client()->setOptions(options);
        m_server->setHandler([](const testsupport::RecordedRequest &request) {
            return request.path == u"/first" ? FakeResponse::of(FakeResponse::Mode::Hang) : FakeResponse::json("{}");
        });
        QFuture<HttpResult> first = get(u"/first"_s);
        QFuture<HttpResult> queued = get(u"/queued"_s);
        QTRY_COMPARE(m_server->requestCount(), 1);
        queued.cancel();
        QTRY_VERIFY(queued.isFinished());
        QCOMPARE(resultOf(queued).error().kind, ErrorKind::Cancelled);
        first.cancel();
        QTRY_VERIFY(first.isFinished());
        // The slot is free again and the cancelled request never reached the server.
        QVERIFY(await(get(u"/after"_s)).ok());
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->requests().at(1).path, u"/after"_s);
    }

    void cancelDuringBackoff()
    {
        HttpOptions options = fastOptions();
        options.backoffBaseMs = 60000;
        options.backoffMaxMs = 60000;
        client()->setOptions(options);
        // Retry-After pins the wait, so the request is certainly waiting when it is cancelled.
        m_server->setHandler([](const auto &) { return FakeResponse::json("{}", 503).header("Retry-After", "30"); });
        QFuture<HttpResult> future = get(u"/v1/runs/"_s);
        QTRY_COMPARE(m_server->requestCount(), 1);
        future.cancel();
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void boundsParallelismPerHost_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("requests");
        QTest::addRow("configured 2") << 2 << 8;
        QTest::addRow("default 6") << 0 << 12;
    }
    void boundsParallelismPerHost()
    {
        QFETCH(int, limit);
        QFETCH(int, requests);
        HttpOptions options = fastOptions();
        if (limit > 0)
            options.maxConnectionsPerHost = limit;
        client()->setOptions(options);
        m_server->setHandler([](const auto &) { return FakeResponse::json("[]").delay(300); });
        QList<QFuture<HttpResult>> futures;
        for (int i = 0; i < requests; ++i)
            futures.append(get(u"/v1/runs/"_s));
        for (const auto &future : std::as_const(futures))
            QVERIFY(await(future).ok());
        QCOMPARE(m_server->requestCount(), requests);
        QCOMPARE(m_server->maxInProgress(), limit > 0 ? limit : 6);
        QVERIFY(m_server->maxOpenConnections() <= (limit > 0 ? limit : 6));
    }

    void truncatedBodyIsBadPayload()
    {
        HttpOptions options = fastOptions();
        options.maxAttempts = 1;
        client()->setOptions(options);
        FakeResponse truncated = FakeResponse::json(QByteArray(4000, 'x'));
        truncated.mode = FakeResponse::Mode::Truncate;
        m_server->enqueue(truncated);
        const auto result = await(get(u"/v1/runs/"_s));
        QCOMPARE(result.error().kind, ErrorKind::BadPayload);
        QVERIFY(result.error().message.contains(u"truncated"_s));
    }

    void truncatedBodyIsRetried()
    {
        FakeResponse truncated = FakeResponse::json(QByteArray(4000, 'x'));
        truncated.mode = FakeResponse::Mode::Truncate;
        m_server->enqueue(truncated);
        m_server->enqueue(FakeResponse::json("[]"));
        const auto result = await(get(u"/v1/runs/"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.value().attempts, 2);
    }

    void closedConnectionAndRefusalAreNetworkErrors()
    {
        HttpOptions options = fastOptions();
        options.maxAttempts = 2;
        client()->setOptions(options);
        m_server->setHandler([](const auto &) { return FakeResponse::of(FakeResponse::Mode::Close); });
        auto result = await(get(u"/v1/runs/"_s));
        QCOMPARE(result.error().kind, ErrorKind::Network);
        // Qt itself resends once when a reused keep-alive connection closes before answering.
        QVERIFY(m_server->requestCount() >= 2);

        m_server->stopListening();
        QTRY_COMPARE(m_server->inProgress(), 0);
        client()->setEndpoint(ServerEndpoint{QUrl(u"http://127.0.0.1:1"_s), {}, {}});
        result = await(get(u"/v1/runs/"_s));
        QCOMPARE(result.error().kind, ErrorKind::Network);
        QCOMPARE(result.error().httpStatus, 0);
    }

    void tlsFailureIsTls()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend in this Qt build");
        // A plain-text server where TLS is expected: the handshake fails, and retrying cannot help.
        m_server->setGreeting("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        QUrl url = m_server->baseUrl();
        url.setScheme(u"https"_s);
        client()->setEndpoint(ServerEndpoint{url, u"secret"_s, {}});
        const auto result = await(get(u"/v1/health/"_s));
        QCOMPARE(result.error().kind, ErrorKind::Tls);
        QCOMPARE(result.error().httpStatus, 0);
    }

    void nonJsonBodyIsBadPayload()
    {
        m_server->enqueue(FakeResponse::json("<html>login</html>").header("Content-Type", "text/html"));
        const auto result = await(client()->getJson(u"/v1/agents/"_s));
        QCOMPARE(result.error().kind, ErrorKind::BadPayload);
    }

    void followsSameOriginRedirectOnly()
    {
        // Answers by path: Qt 6.4 sometimes sends the redirected request a second time on the same
        // connection, so a queue of canned answers would be consumed out of step.
        const QByteArray elsewhere = u"http://localhost:%1/v1/agents/"_s.arg(m_server->port()).toLatin1();
        m_server->setHandler([elsewhere](const testsupport::RecordedRequest &request) {
            if (request.path == u"/v1/agents")
                return FakeResponse::json("", 307).header("Location", "/v1/agents/");
            if (request.path == u"/v1/tools")
                return FakeResponse::json("", 307).header("Location", elsewhere); // another origin
            return FakeResponse::json("[]");
        });
        auto result = await(get(u"/v1/agents"_s));
        QVERIFY(result.ok());
        QCOMPARE(result.value().url.path(), u"/v1/agents/"_s);

        // localhost is not 127.0.0.1 for the origin check; following would hand it the token.
        result = await(get(u"/v1/tools"_s));
        QCOMPARE(result.error().kind, ErrorKind::BadRequest);
        for (const auto &request : m_server->requests())
            QVERIFY(!request.header("Host").startsWith("localhost"));
    }

    void workerThreadCanBlockOnSeveralRequests()
    {
        m_server->setHandler([](const testsupport::RecordedRequest &request) {
            return FakeResponse::json(request.path.toUtf8()).delay(30);
        });
        HttpClient *http = client();
        QFuture<QStringList> worker = QtConcurrent::run([http] {
            QList<QFuture<HttpResult>> futures;
            for (int i = 0; i < 4; ++i)
                futures.append(http->send(HttpRequest::get(u"/page/%1"_s.arg(i))));
            QStringList bodies;
            for (const auto &future : std::as_const(futures)) {
                const auto result = resultOf(future); // blocks this worker, not the network thread
                bodies.append(result.ok() ? QString::fromUtf8(result.value().body) : result.error().toString());
            }
            return bodies;
        });
        QTRY_VERIFY(worker.isFinished());
        QCOMPARE(worker.result(), (QStringList{u"/page/0"_s, u"/page/1"_s, u"/page/2"_s, u"/page/3"_s}));
    }

    void continuationRunsOnContextThread()
    {
        m_server->enqueue(FakeResponse::json("{}"));
        QThread *seen = nullptr;
        int status = 0;
        whenReady(get(u"/v1/health/"_s), this, [&](const HttpResult &result) {
            seen = QThread::currentThread();
            status = result.ok() ? result.value().status : -1;
        });
        QTRY_COMPARE(status, 200);
        QCOMPARE(seen, QThread::currentThread());
    }

    void shutdownAnswersWaiters()
    {
        m_server->setHandler([](const auto &) { return FakeResponse::of(FakeResponse::Mode::Hang); });
        QFuture<HttpResult> future = get(u"/v1/runs/"_s);
        QTRY_COMPARE(m_server->requestCount(), 1);
        m_network.reset();
        QVERIFY(future.isFinished());
        QCOMPARE(resultOf(future).error().kind, ErrorKind::Cancelled);
    }

    void tokenNeverReachesTheLogs()
    {
        const QString token = u"sk-let-never-log-me-0123456789"_s;
        client()->setEndpoint(ServerEndpoint{m_server->baseUrl(), token, u"proj"_s});
        QLoggingCategory::setFilterRules(u"lettascope.*.debug=true"_s);
        {
            QMutexLocker lock(&logMutex);
            capturedLogs.clear();
        }
        previousHandler = qInstallMessageHandler(captureLog);
        m_server->enqueue(FakeResponse::json(R"({"detail":"boom"})", 500));
        m_server->enqueue(FakeResponse::json("[]"));
        m_server->enqueue(FakeResponse::json(R"({"detail":"Unauthorized"})", 401));
        const auto ok = await(get(u"/v1/runs/"_s));
        const auto denied = await(get(u"/v1/agents/"_s));
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(ok.ok());
        QVERIFY(!denied.ok());
        QVERIFY(!denied.error().toString().contains(token));
        QMutexLocker lock(&logMutex);
        QVERIFY2(capturedLogs.size() >= 3, "debug logging should have produced lines to check");
        for (const QString &line : std::as_const(capturedLogs))
            QVERIFY2(!line.contains(token) && !line.contains(u"never-log-me"_s), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
