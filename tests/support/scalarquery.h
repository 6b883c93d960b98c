// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace lettascope::store {
class Database;
}

namespace testsupport {

/// The integer in the first column of the first row of `sql`; -1 when the query fails or returns no row.
qint64 scalar(lettascope::store::Database &db, const char *sql);

} // namespace testsupport
