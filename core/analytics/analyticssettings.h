// SPDX-License-Identifier: MIT
#pragma once

#include "pricetable.h"

#include <QObject>
#include <QSettings>

#include <memory>

namespace lettascope::analytics {

/// Typed facade over the analytics keys in QSettings. Setters emit only when the value really changed. The
/// stuck-run threshold is not here: the Runs tab, Analytics and the CLI share session::AppSettings'.
class AnalyticsSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsSettings)
public:
    /// Uses `settings` (owned), or the application's default QSettings when null (app and CLI share it).
    explicit AnalyticsSettings(std::unique_ptr<QSettings> settings = {}, QObject *parent = nullptr);
    ~AnalyticsSettings() override;

    /// The saved table, else PriceTable::defaults().
    PriceTable priceTable() const;
    void setPriceTable(const PriceTable &table);

Q_SIGNALS:
    void priceTableChanged(const lettascope::analytics::PriceTable &table);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace lettascope::analytics
