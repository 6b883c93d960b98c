// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "sqlite.h"

#include <utility>

namespace lettascope::store {

/// Steps `stmt` to its end and calls `visit(stmt)` on every row; the first stepping error ends the walk
/// and is returned.
template<typename Visit>
Status eachRow(Statement &stmt, Visit &&visit)
{
    while (true) {
        auto row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return success();
        visit(std::as_const(stmt));
    }
}

} // namespace lettascope::store
