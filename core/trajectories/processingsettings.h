// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/processingconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QSettings;

namespace lettascope::trajectories {

/**
 * Typed, QSettings-backed settings of trajectory processing: the backend of each stage, the
 * OpenAI-compatible endpoint (base URL, models, concurrency, rate, timeout), auto-processing and
 * retries. Every setter writes through and emits its signal only when the value really changed. The
 * endpoint's key is not here: it lives in the keychain (LlmKeyStore).
 *
 * Lives on the GUI thread (asserted); workers get a ProcessingConfig snapshot by value.
 */
class ProcessingSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessingSettings)
public:
    /// Uses `settings` (not owned) or, when null, the application's default QSettings.
    explicit ProcessingSettings(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~ProcessingSettings() override;

    Backend backend(Stage stage) const;
    void setBackend(Stage stage, Backend backend);
    QUrl llmBaseUrl() const;
    void setLlmBaseUrl(const QUrl &url);
    QString chatModel() const;
    void setChatModel(const QString &model);
    QString embeddingModel() const;
    void setEmbeddingModel(const QString &model);
    int llmConcurrency() const;
    void setLlmConcurrency(int requests);
    double llmRequestsPerMinute() const;
    void setLlmRequestsPerMinute(double requests);
    int llmTimeoutMs() const;
    void setLlmTimeoutMs(int ms);
    bool autoProcess() const;
    void setAutoProcess(bool on);
    int maxAttempts() const;
    void setMaxAttempts(int attempts);

    ProcessingConfig snapshot() const;
    QString embeddingModelKey() const { return snapshot().embeddingModelKey(); }

Q_SIGNALS:
    void backendChanged(lettascope::trajectories::Stage stage, lettascope::trajectories::Backend backend);
    void llmEndpointChanged();                          ///< base URL, models, concurrency, rate or timeout
    void embeddingModelKeyChanged(const QString &modelKey); ///< the index searches use changed
    void autoProcessChanged(bool on);
    void maxAttemptsChanged(int attempts);
    void changed();                                     ///< after any of the above

private:
    template<typename T>
    bool store(const char *key, const T &value);
    void afterChange(const QString &embeddingKeyBefore);

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr;
};

} // namespace lettascope::trajectories
