// SPDX-License-Identifier: MIT
#include "pricetable.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

PriceTable PriceTable::defaults()
{
    // List prices per million tokens as published by the providers (late 2025); edit when they change.
    return PriceTable({
        {u"gpt-4o-mini"_s, {0.15, 0.075, 0.60}},
        {u"gpt-4o"_s, {2.50, 1.25, 10.00}},
        {u"gpt-4.1"_s, {2.00, 0.50, 8.00}},
        {u"o4-mini"_s, {1.10, 0.275, 4.40}},
        {u"claude-sonnet-4-5"_s, {3.00, 0.30, 15.00}},
        {u"claude-haiku-4-5"_s, {1.00, 0.10, 5.00}},
    });
}

std::optional<ModelPrice> PriceTable::find(const QString &model) const
{
    if (auto it = m_prices.constFind(model); it != m_prices.constEnd())
        return *it;
    QStringView name = QStringView(model).mid(model.lastIndexOf(u'/') + 1);
    if (auto it = m_prices.constFind(name.toString()); it != m_prices.constEnd())
        return *it;
    // Providers report dated snapshots ("claude-haiku-4-5-20251001") priced as their family. Checked by
    // hand, not with a regular expression: this runs for every run's every model.
    constexpr qsizetype kDateSuffix = 9; // "-YYYYMMDD"
    if (name.size() > kDateSuffix && name[name.size() - kDateSuffix] == u'-'
        && std::all_of(name.end() - 8, name.end(), [](QChar c) { return c.isDigit(); })) {
        if (auto it = m_prices.constFind(name.chopped(kDateSuffix).toString()); it != m_prices.constEnd())
            return *it;
    }
    return std::nullopt;
}

std::optional<qint64> PriceTable::costMicros(const ModelTokens &tokens) const
{
    const auto price = find(tokens.model);
    if (!price)
        return std::nullopt;
    return costMicros(*price, tokens);
}

std::optional<qint64> PriceTable::costMicros(const ModelPrice &price, const ModelTokens &tokens)
{
    if (!tokens.prompt && !tokens.completion)
        return std::nullopt;
    const qint64 cached = tokens.cached.value_or(0);
    const qint64 uncached = qMax<qint64>(0, tokens.prompt.value_or(0) - cached);
    // Reasoning tokens are billed as completion tokens, which already include them.
    const double micros = double(uncached) * price.prompt + double(cached) * price.cachedPrompt
        + double(tokens.completion.value_or(0)) * price.completion;
    return qint64(std::llround(micros));
}

QJsonObject PriceTable::toJson() const
{
    QJsonObject json;
    for (auto it = m_prices.cbegin(); it != m_prices.cend(); ++it)
        json.insert(it.key(), QJsonObject{{u"prompt"_s, it->prompt}, {u"cached_prompt"_s, it->cachedPrompt},
                                          {u"completion"_s, it->completion}});
    return json;
}

PriceTable PriceTable::fromJson(const QJsonObject &json)
{
    QMap<QString, ModelPrice> prices;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject p = it->toObject();
        prices.insert(it.key(), {p.value(u"prompt"_s).toDouble(), p.value(u"cached_prompt"_s).toDouble(),
                                 p.value(u"completion"_s).toDouble()});
    }
    return PriceTable(std::move(prices));
}

} // namespace lettascope::analytics
