// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <optional>
#include <utility>
#include <vector>

namespace lettascope::demo {

/// What `before`/`after` mean, per endpoint family (letta-api.md §3).
enum class CursorMode {
    Absolute, ///< messages (sequence) and jobs (created_at): after = newer, before = older, any order
    Relative, ///< generic ORM lists and agents: after = the next page in the chosen order
    Inverted, ///< runs: before = the next page in the chosen order, after = the previous one
};

/// A page request over items identified by keys that increase with creation order. Cursor keys are
/// the keys of the cursor items (which need not pass the filter).
struct PageSpec {
    CursorMode mode = CursorMode::Relative;
    bool descending = true;
    int limit = 100;
    std::optional<quint64> before;
    std::optional<quint64> after;
};

/// Positions (into the key sequence) of the page: the cursors become exclusive key bounds, the
/// sequence is walked in the requested order, filtered, and cut at `limit`.
/// `keyAt(i)` must be strictly increasing in i; `accept(i)` filters positions.
template<typename KeyAt, typename Accept>
std::vector<size_t> selectPage(size_t count, const PageSpec &spec, KeyAt keyAt, Accept accept)
{
    std::optional<quint64> lower = spec.after; // keys strictly greater
    std::optional<quint64> upper = spec.before; // keys strictly smaller
    const bool swap = (spec.mode == CursorMode::Relative && spec.descending)
        || (spec.mode == CursorMode::Inverted && !spec.descending);
    if (swap)
        std::swap(lower, upper);

    // First position whose key is > lower, and first position whose key is >= upper.
    auto partition = [&](quint64 bound, bool inclusive) {
        size_t low = 0, high = count;
        while (low < high) {
            const size_t mid = low + (high - low) / 2;
            const quint64 key = keyAt(mid);
            if (inclusive ? key <= bound : key < bound)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    };
    const size_t begin = lower ? partition(*lower, true) : 0;
    const size_t end = upper ? partition(*upper, false) : count;

    std::vector<size_t> page;
    if (spec.limit <= 0 || begin >= end)
        return page;
    page.reserve(size_t(qMin<qsizetype>(spec.limit, qsizetype(end - begin))));
    if (spec.descending) {
        for (size_t i = end; i > begin && page.size() < size_t(spec.limit); --i) {
            if (accept(i - 1))
                page.push_back(i - 1);
        }
    } else {
        for (size_t i = begin; i < end && page.size() < size_t(spec.limit); ++i) {
            if (accept(i))
                page.push_back(i);
        }
    }
    return page;
}

} // namespace lettascope::demo
