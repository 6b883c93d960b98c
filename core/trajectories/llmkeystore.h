// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QFuture>
#include <QObject>

namespace lettascope::net {
class CredentialStore;
}

namespace lettascope::trajectories {

/**
 * The OpenAI-compatible endpoint's API key, in the OS keychain through CredentialStore (never in the
 * settings file). LETTASCOPE_LLM_API_KEY overrides it on read, so headless runs and CI need no keychain.
 * Use from a thread with an event loop (the GUI thread, or the CLI's main thread).
 */
class LlmKeyStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmKeyStore)
public:
    static constexpr const char *EnvironmentVariable = "LETTASCOPE_LLM_API_KEY";
    static constexpr const char *KeychainId = "trajectories-llm";

    explicit LlmKeyStore(QObject *parent = nullptr);
    ~LlmKeyStore() override;

    /// The key, or an empty string when none is stored (local servers often need none).
    QFuture<Result<QString>> readKey();
    QFuture<Status> writeKey(const QString &key);   ///< an empty key deletes it
    void setTimeoutMs(int ms);

private:
    net::CredentialStore *m_store = nullptr;
};

} // namespace lettascope::trajectories
