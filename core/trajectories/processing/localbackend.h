// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/stagebackend.h"

namespace lettascope::trajectories {

/// The offline backend (the default): every stage computed here, deterministic, no network, no key.
class LocalBackend final : public StageBackend
{
public:
    Backend kind() const override { return Backend::Local; }
    QString model(Stage stage) const override;
    StageResult run(Stage stage, const StageInput &input) override;
    Result<QList<float>> embedQuery(const QString &text) override;
};

} // namespace lettascope::trajectories
