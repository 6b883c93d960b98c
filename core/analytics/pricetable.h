// SPDX-License-Identifier: MIT
#pragma once

#include "runfacts.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace lettascope::analytics {

/// US dollars per million tokens. Cached prompt tokens are billed at their own rate.
struct ModelPrice {
    double prompt = 0;
    double cachedPrompt = 0;
    double completion = 0;
    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

/// The editable per-model price table. Keys are model names as steps report them ("gpt-4o-mini") or
/// handles ("openai/gpt-4o-mini"); a handle's model part also matches.
class PriceTable
{
public:
    PriceTable() = default;
    explicit PriceTable(QMap<QString, ModelPrice> prices) : m_prices(std::move(prices)) { }

    /// A starting point for common models; the user edits it (Settings) because prices change.
    static PriceTable defaults();

    std::optional<ModelPrice> find(const QString &model) const;
    /// Cost of one model's tokens in micro-dollars, rounded; empty when unpriced or tokens not reported.
    std::optional<qint64> costMicros(const ModelTokens &tokens) const;
    /// The same at a price already found (callers that cache find() per model).
    static std::optional<qint64> costMicros(const ModelPrice &price, const ModelTokens &tokens);

    const QMap<QString, ModelPrice> &prices() const { return m_prices; }
    QJsonObject toJson() const;
    static PriceTable fromJson(const QJsonObject &json);

    friend bool operator==(const PriceTable &, const PriceTable &) = default;

private:
    QMap<QString, ModelPrice> m_prices;
};

} // namespace lettascope::analytics
