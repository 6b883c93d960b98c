// SPDX-License-Identifier: MIT
#pragma once

#include "demodataset.h"
#include "demojson.h"
#include "demopaging.h"
#include "demoquery.h"
#include "demoreply.h"

#include <QStringList>

#include <algorithm>
#include <span>
#include <variant>

// Internal to the router: the context every route handler gets, the route tables of each endpoint
// family, and the shared list/lookup helpers.

namespace lettascope::demo::routes {

struct Context {
    const DemoDataset &data;
    const DemoRequest &request;
    DemoQuery query;
    QStringList params; // path segments matched by "{}"
};

using Handler = DemoReply (*)(Context &context);

struct Route {
    const char *pattern; // path below /v1/, segments separated by '/', "{}" matches one segment
    Handler handler;
};

std::span<const Route> agentRoutes();
std::span<const Route> runRoutes();
std::span<const Route> stepRoutes();
std::span<const Route> resourceRoutes();

// An entity from a path parameter: 422 when the id is malformed (letta-api.md §4), 404 when unknown.
struct Lookup {
    quint32 index = 0;
    std::optional<DemoReply> failure;
};
Lookup findPathEntity(const Context &context, IdKind kind, int param, const char *paramName);

// A `before`/`after` cursor as the entity's index; unknown ids give a 404 like the server's.
struct CursorLookup {
    std::optional<quint32> entity;
    std::optional<DemoReply> failure;
};
CursorLookup findCursor(const Context &context, IdKind kind, const QString &param);

DemoReply integerReply(qint64 value);
// Pagination parameters of a list endpoint.
struct ListSpec {
    CursorMode mode = CursorMode::Relative;
    IdKind kind = IdKind::Run;
    bool defaultDescending = true;
    int defaultLimit = 50;
    std::optional<int> minLimit;
    std::optional<int> maxLimit;
    std::optional<bool> forceDescending; // the order was decided by the handler (jobs' ascending quirk)
};

// The items of a list in creation order, and the comparable key of each (for cursors).
// Whole dataset vectors: the entity index is its own key.
struct IndexKeys {
    size_t count;
    size_t size() const { return count; }
    quint32 entity(size_t i) const { return quint32(i); }
    quint64 key(size_t i) const { return i; }
    quint64 keyOf(quint32 entity) const { return entity; }
};

// A sorted subset of a dataset vector (a run's steps, an agent's messages).
struct SubsetKeys {
    const std::vector<quint32> &items;
    size_t size() const { return items.size(); }
    quint32 entity(size_t i) const { return items[i]; }
    quint64 key(size_t i) const { return items[i]; }
    quint64 keyOf(quint32 entity) const { return entity; }
};

// Small collections whose index order is not their sort order: keys are ranks.
struct RankedKeys {
    std::vector<quint32> order;
    std::vector<quint32> rank;
    size_t size() const { return order.size(); }
    quint32 entity(size_t i) const { return order[i]; }
    quint64 key(size_t i) const { return i; }
    quint64 keyOf(quint32 entity) const { return entity < rank.size() ? rank[entity] : 0; }
};

// Ranks entities 0..count-1 by `sortKey` (ties by index).
template<typename SortKey>
RankedKeys rankBy(size_t count, SortKey sortKey)
{
    RankedKeys keys;
    keys.order.resize(count);
    for (size_t i = 0; i < count; ++i)
        keys.order[i] = quint32(i);
    std::stable_sort(keys.order.begin(), keys.order.end(),
                     [&](quint32 a, quint32 b) { return sortKey(a) < sortKey(b); });
    keys.rank.resize(count);
    for (size_t i = 0; i < count; ++i)
        keys.rank[keys.order[i]] = quint32(i);
    return keys;
}

// Reads before/after/order/limit, picks the page and returns its entities in response order.
template<typename Keys, typename Accept>
std::variant<std::vector<quint32>, DemoReply> pageOf(Context &context, const ListSpec &list, const Keys &keys,
                                                     Accept accept, bool *descending = nullptr)
{
    PageSpec spec;
    spec.mode = list.mode;
    spec.descending = list.forceDescending.value_or(context.query.descending(list.defaultDescending));
    spec.limit = context.query.limit(list.defaultLimit, list.minLimit, list.maxLimit);
    for (const auto &[name, target] : {std::pair{u"before", &spec.before}, std::pair{u"after", &spec.after}}) {
        const CursorLookup cursor = findCursor(context, list.kind, QString::fromUtf16(name));
        if (cursor.failure)
            return *cursor.failure;
        if (cursor.entity)
            *target = keys.keyOf(*cursor.entity);
    }
    if (context.query.error())
        return *context.query.error();
    if (descending)
        *descending = spec.descending;
    const auto positions = selectPage(
        keys.size(), spec, [&](size_t i) { return keys.key(i); }, [&](size_t i) { return accept(keys.entity(i)); });
    std::vector<quint32> page;
    page.reserve(positions.size());
    for (size_t position : positions)
        page.push_back(keys.entity(position));
    return page;
}

// pageOf, then a JSON array of `write(out, entity)`.
template<typename Keys, typename Accept, typename Write>
DemoReply listReply(Context &context, const ListSpec &list, const Keys &keys, Accept accept, Write write)
{
    auto result = pageOf(context, list, keys, accept);
    if (auto *failure = std::get_if<DemoReply>(&result))
        return *failure;
    const auto &page = std::get<std::vector<quint32>>(result);
    QByteArray body;
    body.reserve(qsizetype(page.size()) * 1200 + 2);
    JsonWriter out(body);
    out.beginArray();
    for (quint32 entity : page)
        write(out, entity);
    out.endArray();
    return DemoReply::json(std::move(body));
}

// Message types requested with include_return_message_types[] (empty = all).
QStringList requestedMessageTypes(const Context &context);
void writeMessageEntries(JsonWriter &out, const Context &context, const DemoContent &content, quint32 message,
                         const QStringList &types);

} // namespace lettascope::demo::routes
