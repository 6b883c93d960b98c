// SPDX-License-Identifier: MIT
// The transport's pure pieces: Retry-After parsing, jittered backoff, URL building, User-Agent,
// and the mapping from one attempt's outcome to an ErrorKind.
#include "net/attemptoutcome.h"
#include "net/requestbuilder.h"
#include "net/retrypolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::net;

Q_DECLARE_METATYPE(lettascope::ErrorKind)

class TestHttpPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1: unreadable
        QTest::addRow("seconds") << "120"_ba << 120000LL;
        QTest::addRow("zero") << "0"_ba << 0LL;
        QTest::addRow("fraction") << " 1.5 "_ba << 1500LL;
        QTest::addRow("rfc1123 date") << "Fri, 03 Oct 2025 19:35:26 GMT"_ba << 30000LL;
        QTest::addRow("asctime date") << "Fri Oct  3 19:35:06 2025"_ba << 10000LL;
        QTest::addRow("date in the past") << "Fri, 03 Oct 2025 19:30:00 GMT"_ba << 0LL;
        QTest::addRow("negative") << "-5"_ba << -1LL;
        QTest::addRow("garbage") << "soon"_ba << -1LL;
        QTest::addRow("empty") << QByteArray() << -1LL;
    }
    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const QDateTime now = QDateTime::fromString(u"2025-10-03T19:34:56Z"_s, Qt::ISODate);
        const auto parsed = parseRetryAfter(header, now);
        QCOMPARE(parsed.value_or(-1), expectedMs);
    }

    void backoffIsJitteredWithinTheCap_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<qint64>("ceiling");
        QTest::addRow("first retry") << 1 << 100LL;
        QTest::addRow("third retry") << 3 << 400LL;
        QTest::addRow("capped") << 12 << 1000LL;
    }
    void backoffIsJitteredWithinTheCap()
    {
        QFETCH(int, attempt);
        QFETCH(qint64, ceiling);
        qint64 lowest = ceiling;
        qint64 highest = 0;
        for (int i = 0; i < 400; ++i) {
            const qint64 delay = backoffDelayMs(attempt, 100, 1000);
            QVERIFY(delay >= 0 && delay <= ceiling);
            lowest = std::min(lowest, delay);
            highest = std::max(highest, delay);
        }
        // Full jitter spreads over the whole range rather than clustering at the ceiling.
        QVERIFY(lowest < ceiling / 4);
        QVERIFY(highest > ceiling * 3 / 4);
    }

    void buildsUrls_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << u"http://localhost:8283"_s << u"/v1/runs/"_s << u"http://localhost:8283/v1/runs/"_s;
        QTest::addRow("base with slash") << u"http://localhost:8283/"_s << u"/v1/runs/"_s
                                         << u"http://localhost:8283/v1/runs/"_s;
        QTest::addRow("path prefix") << u"https://proxy.example/letta/"_s << u"/v1/agents/"_s
                                     << u"https://proxy.example/letta/v1/agents/"_s;
        QTest::addRow("encoded id stays one segment") << u"http://h"_s << u"/v1/runs/a%2Fb%20c"_s
                                                      << u"http://h/v1/runs/a%2Fb%20c"_s;
        QTest::addRow("no leading slash") << u"https://api.letta.com"_s << u"v1/health/"_s
                                          << u"https://api.letta.com/v1/health/"_s;
    }
    void buildsUrls()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(buildUrl(QUrl(base), path, {}).toString(QUrl::FullyEncoded), expected);
    }

    void encodesQueryValues()
    {
        const QUrl url = buildUrl(QUrl(u"http://h"_s), u"/v1/steps/"_s,
                                  {{u"start_date"_s, u"2025-01-29T15:01:19+00:00"_s}, {u"tags"_s, u"a&b"_s},
                                   {u"tags"_s, u"c d"_s}});
        QCOMPARE(url.query(QUrl::FullyEncoded), u"start_date=2025-01-29T15%3A01%3A19%2B00%3A00&tags=a%26b&tags=c%20d"_s);
    }

    void userAgentNeverHasASlash_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QByteArray>("sent");
        QTest::addRow("default") << QString() << "Lettascope"_ba;
        QTest::addRow("custom") << u"Lettascope 0.1.0"_s << "Lettascope 0.1.0"_ba;
        QTest::addRow("with slash") << u"lettascope/0.1"_s << "lettascope 0.1"_ba;
    }
    void userAgentNeverHasASlash()
    {
        QFETCH(QString, configured);
        QFETCH(QByteArray, sent);
        HttpOptions options;
        options.userAgent = configured;
        QCOMPARE(effectiveUserAgent(options), sent);
        const QNetworkRequest request = buildNetworkRequest(ServerEndpoint{QUrl(u"http://h"_s), {}, {}}, options,
                                                            HttpRequest::get(u"/v1/health/"_s));
        QCOMPARE(request.rawHeader("User-Agent"), sent);
    }

    void classifiesAttempts_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QNetworkReply::NetworkError>("networkError");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<bool>("retryable");
        using E = QNetworkReply::NetworkError;
        QTest::addRow("200") << 200 << E::NoError << false << ErrorKind::None << false;
        QTest::addRow("200 cut short") << 200 << E::RemoteHostClosedError << false << ErrorKind::BadPayload << true;
        QTest::addRow("timeout") << 0 << E::OperationCanceledError << true << ErrorKind::Network << true;
        QTest::addRow("refused") << 0 << E::ConnectionRefusedError << false << ErrorKind::Network << true;
        QTest::addRow("dns") << 0 << E::HostNotFoundError << false << ErrorKind::Network << true;
        QTest::addRow("tls") << 0 << E::SslHandshakeFailedError << false << ErrorKind::Tls << false;
        QTest::addRow("insecure redirect") << 0 << E::InsecureRedirectError << false << ErrorKind::BadRequest << false;
        QTest::addRow("307 not followed") << 307 << E::NoError << false << ErrorKind::BadRequest << false;
        QTest::addRow("401") << 401 << E::AuthenticationRequiredError << false << ErrorKind::Auth << false;
        QTest::addRow("403") << 403 << E::ContentAccessDenied << false << ErrorKind::Auth << false;
        QTest::addRow("404") << 404 << E::ContentNotFoundError << false << ErrorKind::NotFound << false;
        QTest::addRow("408") << 408 << E::UnknownContentError << false << ErrorKind::Network << true;
        QTest::addRow("409") << 409 << E::ContentConflictError << false << ErrorKind::BadRequest << false;
        QTest::addRow("422") << 422 << E::UnknownContentError << false << ErrorKind::BadRequest << false;
        QTest::addRow("429") << 429 << E::UnknownContentError << false << ErrorKind::RateLimited << true;
        QTest::addRow("500") << 500 << E::InternalServerError << false << ErrorKind::Server << true;
        QTest::addRow("501") << 501 << E::OperationNotImplementedError << false << ErrorKind::Server << false;
        QTest::addRow("503") << 503 << E::ServiceUnavailableError << false << ErrorKind::Server << true;
    }
    void classifiesAttempts()
    {
        QFETCH(int, status);
        QFETCH(QNetworkReply::NetworkError, networkError);
        QFETCH(bool, timedOut);
        QFETCH(ErrorKind, kind);
        QFETCH(bool, retryable);
        AttemptFacts facts;
        facts.response.status = status;
        facts.response.body = R"({"detail":"why"})";
        facts.error = networkError;
        facts.errorString = u"qt says no"_s;
        facts.timedOut = timedOut;
        facts.timeoutMs = 100;
        facts.what = u"GET /v1/runs/"_s;
        const AttemptOutcome outcome = classifyAttempt(facts);
        QCOMPARE(outcome.result.ok() ? ErrorKind::None : outcome.result.error().kind, kind);
        QCOMPARE(outcome.retryable, retryable);
        if (!outcome.result.ok())
            QVERIFY(outcome.result.error().message.startsWith(u"GET /v1/runs/"_s));
    }

    // Qt can end a reply without an error when the server closes the connection mid-body; the
    // Content-Length the server announced is what shows the body is short.
    void detectsSilentTruncation_data()
    {
        QTest::addColumn<QByteArray>("contentLength");
        QTest::addColumn<QByteArray>("contentEncoding");
        QTest::addColumn<bool>("bodyExpected");
        QTest::addColumn<bool>("truncated");
        QTest::addRow("short body") << QByteArray("40") << QByteArray() << true << true;
        QTest::addRow("exact body") << QByteArray("16") << QByteArray() << true << false;
        QTest::addRow("no length") << QByteArray() << QByteArray() << true << false;
        QTest::addRow("garbage length") << QByteArray("lots") << QByteArray() << true << false;
        QTest::addRow("compressed") << QByteArray("40") << QByteArray("gzip") << true << false;
        QTest::addRow("HEAD") << QByteArray("40") << QByteArray() << false << false;
    }
    void detectsSilentTruncation()
    {
        QFETCH(QByteArray, contentLength);
        QFETCH(QByteArray, contentEncoding);
        QFETCH(bool, bodyExpected);
        QFETCH(bool, truncated);
        AttemptFacts facts;
        facts.response.status = 200;
        facts.response.body = R"({"detail":"why"})"; // 16 bytes
        if (!contentLength.isEmpty())
            facts.response.headers.append({"content-length", contentLength});
        if (!contentEncoding.isEmpty())
            facts.response.headers.append({"content-encoding", contentEncoding});
        facts.bodyExpected = bodyExpected;
        facts.what = u"GET /v1/runs/"_s;
        const AttemptOutcome outcome = classifyAttempt(facts);
        QCOMPARE(!outcome.result.ok(), truncated);
        QCOMPARE(outcome.retryable, truncated);
        if (truncated) {
            QCOMPARE(outcome.result.error().kind, ErrorKind::BadPayload);
            QVERIFY2(outcome.result.error().message.contains(u"truncated after 16 bytes"_s),
                     qPrintable(outcome.result.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpPolicy)
#include "tst_httppolicy.moc"
