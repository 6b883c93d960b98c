// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <functional>

namespace lettascope::trajectories {
class ProcessingSettings;
}

namespace lettascope::ui::trajectories {

/// Settings → Trajectory processing: the backend of every stage (local, or an OpenAI-compatible endpoint),
/// the endpoint's URL, models, limits and key. Every change is saved at once; the key goes to the keychain
/// through `storeKey`, never to the settings file.
class ProcessingSettingsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessingSettingsPanel)

public:
    using KeyStore = std::function<void(const QString &key)>;
    ProcessingSettingsPanel(lettascope::trajectories::ProcessingSettings &settings, KeyStore storeKey, QWidget *parent = nullptr);
};

} // namespace lettascope::ui::trajectories
