// SPDX-License-Identifier: MIT
#include "analyticssettings.h"

#include <QJsonDocument>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {
const auto kPriceTableKey = u"analytics/priceTable"_s;
} // namespace

AnalyticsSettings::AnalyticsSettings(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent), m_settings(settings ? std::move(settings) : std::make_unique<QSettings>())
{
}

AnalyticsSettings::~AnalyticsSettings() = default;

PriceTable AnalyticsSettings::priceTable() const
{
    if (!m_settings->contains(kPriceTableKey))
        return PriceTable::defaults();
    // Stored as JSON text: one readable value instead of a settings group per model.
    return PriceTable::fromJson(QJsonDocument::fromJson(m_settings->value(kPriceTableKey).toByteArray()).object());
}

void AnalyticsSettings::setPriceTable(const PriceTable &table)
{
    if (table == priceTable())
        return;
    m_settings->setValue(kPriceTableKey, QJsonDocument(table.toJson()).toJson(QJsonDocument::Compact));
    Q_EMIT priceTableChanged(table);
}

} // namespace lettascope::analytics
