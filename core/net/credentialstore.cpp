// SPDX-License-Identifier: MIT
#include "credentialstore.h"

#include "common/logging.h"

#include <QPromise>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace lettascope::net {

namespace {
QString keyFor(const QString &profileId)
{
    return u"server/"_s + profileId;
}

QString environmentToken(const QString &variable)
{
    return variable.isEmpty() ? QString() : qEnvironmentVariable(variable.toLocal8Bit().constData()).trimmed();
}

// QtKeychain reports a missing Secret Service / KWallet as NoBackendAvailable, NotImplemented or,
// when D-Bus itself is unreachable, OtherError ("Cannot autolaunch D-Bus without X11 $DISPLAY").
bool keychainUnavailable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError;
}

QString unavailableNotice(const QString &why, const QString &variable = QString::fromLatin1(CredentialStore::EnvironmentVariable))
{
    return u"No keychain service is running (%1); set %2 in the environment to supply the token."_s.arg(why, variable);
}

/// Starts `job` and calls `done(job error, error text, secret)` exactly once: when the keychain
/// answers, or with NoBackendAvailable when it has not answered within `timeoutMs`.
template<typename Done>
void runJob(QKeychain::Job *job, QObject *context, int timeoutMs, Done done)
{
    auto finished = std::make_shared<bool>(false);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, context, [=] {
        if (std::exchange(*finished, true))
            return;
        done(QKeychain::NoBackendAvailable, u"the keychain did not answer within %1 s"_s.arg(timeoutMs / 1000), QString());
        job->disconnect(context);
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [=](QKeychain::Job *) {
        if (std::exchange(*finished, true))
            return;
        const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
        done(job->error(), job->errorString(), read ? read->textData() : QString());
    });
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text copy next to the settings
    timer->start(timeoutMs);
    job->start();
}

template<typename T>
QFuture<T> readyFuture(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}
} // namespace

CredentialStore::CredentialStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) { }

QFuture<Result<StoredToken>> CredentialStore::readToken(const QString &profileId)
{
    if (const QString token = environmentToken(m_environmentVariable); !token.isEmpty())
        return readyFuture(Result<StoredToken>(StoredToken{token, TokenSource::Environment, {}}));

    auto promise = std::make_shared<QPromise<Result<StoredToken>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    runJob(job, this, m_timeoutMs, [promise, variable = m_environmentVariable](QKeychain::Error error, const QString &why, const QString &secret) {
        if (error == QKeychain::NoError) {
            promise->addResult(StoredToken{secret, TokenSource::Keychain, {}});
        } else if (error == QKeychain::EntryNotFound) {
            promise->addResult(StoredToken{});
        } else if (keychainUnavailable(error)) {
            const QString notice = unavailableNotice(why, variable);
            qCWarning(lcSecrets).noquote() << notice;
            // LETTA_API_KEY was consulted first and is empty: there is no token to fall back to.
            promise->addResult(StoredToken{QString(), TokenSource::None, notice});
        } else {
            promise->addResult(Error{ErrorKind::Auth, u"the keychain refused access to the server token: %1"_s.arg(why)});
        }
        promise->finish();
    });
    return promise->future();
}

QFuture<Status> CredentialStore::writeToken(const QString &profileId, const QString &token)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    job->setTextData(token);
    runJob(job, this, m_timeoutMs, [promise](QKeychain::Error error, const QString &why, const QString &) {
        if (error == QKeychain::NoError) {
            promise->addResult(success());
        } else {
            const ErrorKind kind = keychainUnavailable(error) ? ErrorKind::Unsupported : ErrorKind::Auth;
            const QString message = keychainUnavailable(error) ? unavailableNotice(why) : why;
            qCWarning(lcSecrets).noquote() << "token not saved:" << message;
            promise->addResult(Error{kind, u"The token was not saved. "_s + message});
        }
        promise->finish();
    });
    return promise->future();
}

QFuture<Status> CredentialStore::deleteToken(const QString &profileId)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    runJob(job, this, m_timeoutMs, [promise](QKeychain::Error error, const QString &why, const QString &) {
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            promise->addResult(success());
        } else {
            const ErrorKind kind = keychainUnavailable(error) ? ErrorKind::Unsupported : ErrorKind::Auth;
            promise->addResult(Error{kind, u"The token was not deleted. "_s + (keychainUnavailable(error) ? unavailableNotice(why) : why)});
        }
        promise->finish();
    });
    return promise->future();
}

} // namespace lettascope::net
