// SPDX-License-Identifier: MIT
#include "scalarquery.h"

#include "store/sqlite.h"

namespace testsupport {

qint64 scalar(lettascope::store::Database &db, const char *sql)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return -1;
    auto row = statement->step();
    return row && *row ? statement->int64(0) : -1;
}

} // namespace testsupport
