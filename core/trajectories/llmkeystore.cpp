// SPDX-License-Identifier: MIT
#include "llmkeystore.h"

#include "net/credentialstore.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

LlmKeyStore::LlmKeyStore(QObject *parent)
    : QObject(parent)
    , m_store(new net::CredentialStore(u"Lettascope"_s, this))
{
    m_store->setEnvironmentVariable(QString::fromLatin1(EnvironmentVariable));
}

LlmKeyStore::~LlmKeyStore() = default;

QFuture<Result<QString>> LlmKeyStore::readKey()
{
    return m_store->readToken(QString::fromLatin1(KeychainId)).then([](const Result<net::StoredToken> &token) -> Result<QString> {
        if (!token)
            return token.error();
        return token->token;
    });
}

QFuture<Status> LlmKeyStore::writeKey(const QString &key)
{
    const QString id = QString::fromLatin1(KeychainId);
    return key.isEmpty() ? m_store->deleteToken(id) : m_store->writeToken(id, key);
}

void LlmKeyStore::setTimeoutMs(int ms)
{
    m_store->setTimeoutMs(ms);
}

} // namespace lettascope::trajectories
