// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QFuture>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace lettascope::net {

enum class TokenSource {
    None,           ///< no token: fine for self-hosted servers without a password
    Keychain,
    Environment,    ///< LETTA_API_KEY
};

struct StoredToken {
    QString token;          ///< never log it
    TokenSource source = TokenSource::None;
    QString notice;         ///< set when the keychain could not be used; say it to the user
};

/**
 * Server tokens in the OS keychain (QtKeychain), one entry per profile id. Tokens are never
 * written anywhere else: no settings file, no insecure fallback, no log line.
 *
 * LETTA_API_KEY in the environment overrides the keychain on read. Where no keychain service is
 * running (CI, headless sessions without a D-Bus secret service) a read answers with the
 * environment variable (possibly empty) and a notice saying so; a write fails with that notice.
 *
 * Use from the thread the store lives on (it needs an event loop): the futures are fulfilled
 * there when the keychain answers, or after the timeout.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    static constexpr const char *EnvironmentVariable = "LETTA_API_KEY";

    explicit CredentialStore(const QString &service = QStringLiteral("Lettascope"), QObject *parent = nullptr);

    QFuture<Result<StoredToken>> readToken(const QString &profileId);
    QFuture<Status> writeToken(const QString &profileId, const QString &token);
    /// Deleting a token that is not there succeeds.
    QFuture<Status> deleteToken(const QString &profileId);

    /// How long to wait for the keychain before treating it as absent (D-Bus can hang for 25 s).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    /// The variable that overrides the keychain on read (LETTA_API_KEY by default). Stores of other
    /// secrets (the LLM endpoint's key) name their own, so a Letta token never leaks into them.
    void setEnvironmentVariable(const QString &name) { m_environmentVariable = name; }

private:
    QString m_service;
    QString m_environmentVariable = QString::fromLatin1(EnvironmentVariable);
    int m_timeoutMs = 10'000;
};

} // namespace lettascope::net

Q_DECLARE_METATYPE(lettascope::net::StoredToken)
