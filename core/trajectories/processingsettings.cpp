// SPDX-License-Identifier: MIT
#include "processingsettings.h"

#include <QSettings>
#include <QThread>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
// Every key, once.
constexpr const char *kBackendPrefix = "trajectories/backend/";
constexpr const char *kBaseUrl = "trajectories/llm/base_url";
constexpr const char *kChatModel = "trajectories/llm/chat_model";
constexpr const char *kEmbeddingModel = "trajectories/llm/embedding_model";
constexpr const char *kConcurrency = "trajectories/llm/concurrency";
constexpr const char *kRequestsPerMinute = "trajectories/llm/requests_per_minute";
constexpr const char *kTimeoutMs = "trajectories/llm/timeout_ms";
constexpr const char *kAutoProcess = "trajectories/auto_process";
constexpr const char *kMaxAttempts = "trajectories/max_attempts";

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString backendKeyFor(Stage stage)
{
    return key(kBackendPrefix) + stageKey(stage);
}
} // namespace

ProcessingSettings::ProcessingSettings(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_owned(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_owned.get())
{
}

ProcessingSettings::~ProcessingSettings() = default;

template<typename T>
bool ProcessingSettings::store(const char *name, const T &value)
{
    Q_ASSERT_X(thread() == QThread::currentThread(), "ProcessingSettings", "use from the thread it lives on");
    const QVariant next = QVariant::fromValue(value);
    if (m_settings->value(key(name)) == next)
        return false;
    m_settings->setValue(key(name), next);
    return true;
}

Backend ProcessingSettings::backend(Stage stage) const
{
    return backendFromKey(m_settings->value(backendKeyFor(stage)).toString()).value_or(Backend::Local);
}

void ProcessingSettings::setBackend(Stage stage, Backend value)
{
    if (backend(stage) == value)
        return;
    const QString before = embeddingModelKey();
    m_settings->setValue(backendKeyFor(stage), backendKey(value));
    Q_EMIT backendChanged(stage, value);
    afterChange(before);
}

QUrl ProcessingSettings::llmBaseUrl() const
{
    return QUrl(m_settings->value(key(kBaseUrl)).toString());
}

void ProcessingSettings::setLlmBaseUrl(const QUrl &url)
{
    const QString before = embeddingModelKey();
    if (store(kBaseUrl, url.toString())) {
        Q_EMIT llmEndpointChanged();
        afterChange(before);
    }
}

QString ProcessingSettings::chatModel() const
{
    return m_settings->value(key(kChatModel)).toString();
}

void ProcessingSettings::setChatModel(const QString &model)
{
    const QString before = embeddingModelKey();
    if (store(kChatModel, model.trimmed())) {
        Q_EMIT llmEndpointChanged();
        afterChange(before);
    }
}

QString ProcessingSettings::embeddingModel() const
{
    return m_settings->value(key(kEmbeddingModel)).toString();
}

void ProcessingSettings::setEmbeddingModel(const QString &model)
{
    const QString before = embeddingModelKey();
    if (store(kEmbeddingModel, model.trimmed())) {
        Q_EMIT llmEndpointChanged();
        afterChange(before);
    }
}

int ProcessingSettings::llmConcurrency() const
{
    return std::clamp(m_settings->value(key(kConcurrency), 2).toInt(), 1, 32);
}

void ProcessingSettings::setLlmConcurrency(int requests)
{
    const QString before = embeddingModelKey();
    if (store(kConcurrency, std::clamp(requests, 1, 32))) {
        Q_EMIT llmEndpointChanged();
        afterChange(before);
    }
}

double ProcessingSettings::llmRequestsPerMinute() const
{
    return std::max(1.0, m_settings->value(key(kRequestsPerMinute), 120.0).toDouble());
}

void ProcessingSettings::setLlmRequestsPerMinute(double requests)
{
    const QString before = embeddingModelKey();
    if (store(kRequestsPerMinute, std::max(1.0, requests))) {
        Q_EMIT llmEndpointChanged();
        afterChange(before);
    }
}

int ProcessingSettings::llmTimeoutMs() const
{
    return std::max(1000, m_settings->value(key(kTimeoutMs), 60'000).toInt());
}

void ProcessingSettings::setLlmTimeoutMs(int ms)
{
    const QString before = embeddingModelKey();
    if (store(kTimeoutMs, std::max(1000, ms))) {
        Q_EMIT llmEndpointChanged();
        afterChange(before);
    }
}

bool ProcessingSettings::autoProcess() const
{
    return m_settings->value(key(kAutoProcess), true).toBool();
}

void ProcessingSettings::setAutoProcess(bool on)
{
    if (autoProcess() == on)
        return;
    m_settings->setValue(key(kAutoProcess), on);
    Q_EMIT autoProcessChanged(on);
    Q_EMIT changed();
}

int ProcessingSettings::maxAttempts() const
{
    return std::clamp(m_settings->value(key(kMaxAttempts), 5).toInt(), 1, 50);
}

void ProcessingSettings::setMaxAttempts(int attempts)
{
    if (maxAttempts() == std::clamp(attempts, 1, 50))
        return;
    m_settings->setValue(key(kMaxAttempts), std::clamp(attempts, 1, 50));
    Q_EMIT maxAttemptsChanged(maxAttempts());
    Q_EMIT changed();
}

void ProcessingSettings::afterChange(const QString &embeddingKeyBefore)
{
    if (const QString after = embeddingModelKey(); after != embeddingKeyBefore)
        Q_EMIT embeddingModelKeyChanged(after);
    Q_EMIT changed();
}

ProcessingConfig ProcessingSettings::snapshot() const
{
    ProcessingConfig config;
    for (int i = 0; i < StageCount; ++i)
        config.backends[size_t(i)] = backend(Stage(i));
    config.openai.baseUrl = llmBaseUrl();
    config.openai.chatModel = chatModel();
    config.openai.embeddingModel = embeddingModel();
    config.openai.concurrency = llmConcurrency();
    config.openai.requestsPerSecond = llmRequestsPerMinute() / 60.0;
    config.openai.timeoutMs = llmTimeoutMs();
    config.autoProcess = autoProcess();
    config.maxAttempts = maxAttempts();
    return config;
}

} // namespace lettascope::trajectories
