// SPDX-License-Identifier: MIT
#include "processingsettingspanel.h"

#include "trajectories/processingsettings.h"
#include "trajectories/stage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using lettascope::trajectories::Backend;
using lettascope::trajectories::Stage;

namespace lettascope::ui::trajectories {

namespace {

QString stageTitle(Stage stage)
{
    switch (stage) {
    case Stage::Summary: return QObject::tr("Summary");
    case Stage::Score: return QObject::tr("Learning-value score");
    case Stage::Labels: return QObject::tr("Labels (tags, category, complexity)");
    case Stage::Embedding: return QObject::tr("Embedding");
    case Stage::Decisions: return QObject::tr("Decisions");
    }
    return {};
}

QLineEdit *lineEdit(QWidget *parent, const QString &name, const QString &accessible, const QString &text)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessible);
    return edit;
}

} // namespace

ProcessingSettingsPanel::ProcessingSettingsPanel(lettascope::trajectories::ProcessingSettings &settings, KeyStore storeKey,
                                                 QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"processingSettings"_s);
    auto *layout = new QVBoxLayout(this);

    auto *stages = new QGroupBox(tr("Backend per stage"), this);
    auto *stageForm = new QFormLayout(stages);
    for (int i = 0; i < lettascope::trajectories::StageCount; ++i) {
        const auto stage = Stage(i);
        auto *choice = new QComboBox(stages);
        choice->setObjectName(u"backend_"_s + lettascope::trajectories::stageKey(stage));
        choice->setAccessibleName(tr("Backend for %1").arg(stageTitle(stage)));
        choice->addItem(tr("Local (offline, no key)"), int(Backend::Local));
        choice->addItem(tr("OpenAI-compatible endpoint"), int(Backend::OpenAi));
        choice->setCurrentIndex(choice->findData(int(settings.backend(stage))));
        connect(choice, &QComboBox::currentIndexChanged, &settings, [&settings, choice, stage] {
            settings.setBackend(stage, Backend(choice->currentData().toInt()));
        });
        stageForm->addRow(stageTitle(stage), choice);
    }
    layout->addWidget(stages);

    auto *endpoint = new QGroupBox(tr("OpenAI-compatible endpoint (OpenAI, Ollama, LM Studio, vLLM)"), this);
    auto *form = new QFormLayout(endpoint);
    auto *url = lineEdit(endpoint, u"llmBaseUrl"_s, tr("Endpoint base URL"), settings.llmBaseUrl().toString());
    url->setPlaceholderText(u"https://api.openai.com/v1"_s);
    auto *chat = lineEdit(endpoint, u"chatModel"_s, tr("Chat model"), settings.chatModel());
    auto *embedding = lineEdit(endpoint, u"embeddingModel"_s, tr("Embedding model"), settings.embeddingModel());
    auto *key = lineEdit(endpoint, u"llmApiKey"_s, tr("API key"), QString());
    key->setEchoMode(QLineEdit::Password);
    key->setPlaceholderText(tr("stored in the system keychain"));
    auto *saveKey = new QPushButton(tr("Save key"), endpoint);
    saveKey->setObjectName(u"saveLlmKey"_s);
    auto *concurrency = new QSpinBox(endpoint);
    concurrency->setObjectName(u"llmConcurrency"_s);
    concurrency->setAccessibleName(tr("Requests in flight"));
    concurrency->setRange(1, 32);
    concurrency->setValue(settings.llmConcurrency());
    auto *rate = new QDoubleSpinBox(endpoint);
    rate->setObjectName(u"llmRate"_s);
    rate->setAccessibleName(tr("Requests per minute"));
    rate->setRange(1, 10000);
    rate->setDecimals(0);
    rate->setValue(settings.llmRequestsPerMinute());
    auto *timeout = new QSpinBox(endpoint);
    timeout->setObjectName(u"llmTimeout"_s);
    timeout->setAccessibleName(tr("Request timeout"));
    timeout->setRange(1, 600);
    timeout->setSuffix(tr(" s"));
    timeout->setValue(settings.llmTimeoutMs() / 1000);
    form->addRow(tr("Base URL"), url);
    form->addRow(tr("Chat model"), chat);
    form->addRow(tr("Embedding model (a change re-embeds in the background)"), embedding);
    form->addRow(tr("API key"), key);
    form->addRow(QString(), saveKey);
    form->addRow(tr("Requests in flight"), concurrency);
    form->addRow(tr("Requests per minute"), rate);
    form->addRow(tr("Timeout"), timeout);
    layout->addWidget(endpoint);

    auto *queue = new QGroupBox(tr("Queue"), this);
    auto *queueForm = new QFormLayout(queue);
    auto *autoProcess = new QCheckBox(tr("Process new trajectories automatically after each sync"), queue);
    autoProcess->setObjectName(u"autoProcess"_s);
    autoProcess->setChecked(settings.autoProcess());
    auto *attempts = new QSpinBox(queue);
    attempts->setObjectName(u"maxAttempts"_s);
    attempts->setAccessibleName(tr("Attempts per job"));
    attempts->setRange(1, 20);
    attempts->setValue(settings.maxAttempts());
    queueForm->addRow(autoProcess);
    queueForm->addRow(tr("Attempts per job (with backoff)"), attempts);
    layout->addWidget(queue);
    layout->addStretch(1);

    connect(url, &QLineEdit::editingFinished, &settings, [&settings, url] { settings.setLlmBaseUrl(QUrl(url->text().trimmed())); });
    connect(chat, &QLineEdit::editingFinished, &settings, [&settings, chat] { settings.setChatModel(chat->text().trimmed()); });
    connect(embedding, &QLineEdit::editingFinished, &settings,
            [&settings, embedding] { settings.setEmbeddingModel(embedding->text().trimmed()); });
    connect(saveKey, &QPushButton::clicked, this, [key, storeKey = std::move(storeKey)] {
        storeKey(key->text());
        key->clear();
    });
    connect(concurrency, &QSpinBox::valueChanged, &settings, &lettascope::trajectories::ProcessingSettings::setLlmConcurrency);
    connect(rate, &QDoubleSpinBox::valueChanged, &settings, &lettascope::trajectories::ProcessingSettings::setLlmRequestsPerMinute);
    connect(timeout, &QSpinBox::valueChanged, &settings, [&settings](int seconds) { settings.setLlmTimeoutMs(seconds * 1000); });
    connect(autoProcess, &QCheckBox::toggled, &settings, &lettascope::trajectories::ProcessingSettings::setAutoProcess);
    connect(attempts, &QSpinBox::valueChanged, &settings, &lettascope::trajectories::ProcessingSettings::setMaxAttempts);
}

} // namespace lettascope::ui::trajectories
