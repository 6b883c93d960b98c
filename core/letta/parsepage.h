// SPDX-License-Identifier: MIT
#pragma once

#include "common/logging.h"
#include "common/result.h"
#include "common/jsonread.h"
#include "page.h"

#include <QJsonValue>

#include <type_traits>

namespace lettascope::letta {

/// Parses a list response into a Page. An element the item parser rejects is counted in `skipped`
/// with a line in `problems` and stays in `raw`; one bad element never costs the rest of the page.
/// `parseItem` returns Result<T> or, for elements that expand (role-based messages), Result<QList<T>>.
template<typename T, typename ParseItem>
Result<Page<T>> parsePage(const QJsonValue &body, int limit, ParseItem &&parseItem)
{
    using namespace Qt::StringLiterals;
    if (!body.isArray())
        return Error{ErrorKind::BadPayload, u"expected a JSON array, got %1"_s.arg(json::typeName(body))};
    Page<T> page;
    page.raw = body.toArray();
    page.limit = limit;
    page.received = int(page.raw.size());
    for (qsizetype i = 0; i < page.raw.size(); ++i) {
        auto parsed = parseItem(page.raw.at(i));
        if (!parsed.ok()) {
            ++page.skipped;
            page.problems.append(u"element %1: %2"_s.arg(i).arg(parsed.error().message));
            continue;
        }
        if constexpr (std::is_same_v<std::decay_t<decltype(parsed.value())>, QList<T>>)
            page.items += std::move(parsed).value();
        else
            page.items.append(std::move(parsed).value());
    }
    if (!page.raw.isEmpty()) {
        page.firstId = json::str(page.raw.first().toObject(), u"id");
        page.lastId = json::str(page.raw.last().toObject(), u"id");
    }
    if (page.skipped > 0)
        qCWarning(lcApi) << "skipped" << page.skipped << "of" << page.received << "elements:" << page.problems.first();
    return page;
}

} // namespace lettascope::letta
