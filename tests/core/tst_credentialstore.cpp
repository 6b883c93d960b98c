// SPDX-License-Identifier: MIT
// Token storage where no keychain service runs (CI, headless): a clear notice, the LETTA_API_KEY
// fallback, no silent plain-text copy, and no token in the logs.
#include "net/credentialstore.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::net;

namespace {
QMutex logMutex;
QStringList capturedLogs;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&logMutex);
    capturedLogs.append(message);
}

template<typename T>
T await(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return T(Error{ErrorKind::None, u"test timed out waiting for the keychain"_s});
    return future.result();
}
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Make "no keychain service" certain even on a desktop with a keyring: without a session
        // bus address or X11 display, D-Bus cannot be reached or autolaunched.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv(CredentialStore::EnvironmentVariable);
    }

    void cleanup() { qunsetenv(CredentialStore::EnvironmentVariable); }

    void environmentOverridesTheKeychain()
    {
        qputenv(CredentialStore::EnvironmentVariable, "  sk-let-from-env  ");
        CredentialStore store;
        const auto token = await(store.readToken(u"profile-1"_s));
        QVERIFY(token.ok());
        QCOMPARE(token->token, u"sk-let-from-env"_s);
        QCOMPARE(token->source, TokenSource::Environment);
        QVERIFY(token->notice.isEmpty());
    }

    void readWithoutKeychainExplainsAndFallsBack()
    {
        CredentialStore store;
        const auto token = await(store.readToken(u"profile-1"_s));
        QVERIFY(token.ok()); // a server without a password still works
        QVERIFY(token->token.isEmpty());
        QCOMPARE(token->source, TokenSource::None);
        QVERIFY2(token->notice.contains(u"No keychain service is running"_s), qPrintable(token->notice));
        QVERIFY(token->notice.contains(u"LETTA_API_KEY"_s));
    }

    void writeAndDeleteWithoutKeychainFailClearly()
    {
        const QString secret = u"sk-let-write-me-nowhere-42"_s;
        QLoggingCategory::setFilterRules(u"lettascope.*.debug=true"_s);
        capturedLogs.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        CredentialStore store;
        const Status written = await(store.writeToken(u"profile-1"_s, secret));
        const Status deleted = await(store.deleteToken(u"profile-1"_s));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, ErrorKind::Unsupported);
        QVERIFY(written.error().message.contains(u"not saved"_s));
        QVERIFY(written.error().message.contains(u"LETTA_API_KEY"_s));
        QVERIFY(!written.error().toString().contains(secret));
        QCOMPARE(deleted.error().kind, ErrorKind::Unsupported);
        QMutexLocker lock(&logMutex);
        QVERIFY(!capturedLogs.isEmpty()); // the failure is reported …
        for (const QString &line : std::as_const(capturedLogs))
            QVERIFY2(!line.contains(secret), qPrintable(line)); // … without the token
    }

    void environmentStillServesAfterAFailedWrite()
    {
        CredentialStore store;
        QVERIFY(!await(store.writeToken(u"profile-2"_s, u"x"_s)).ok());
        qputenv(CredentialStore::EnvironmentVariable, "sk-let-ci");
        const auto token = await(store.readToken(u"profile-2"_s));
        QCOMPARE(token->token, u"sk-let-ci"_s);
        QCOMPARE(token->source, TokenSource::Environment);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
