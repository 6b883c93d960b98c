// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

namespace lettascope::store {

class Database;

/// The schema version this build writes (the number of the newest migration).
int schemaVersion();

/// Brings the cache to schemaVersion() one numbered step at a time, each step in its own transaction
/// with PRAGMA user_version. A cache written by a newer build is refused with a clear message rather
/// than touched.
Status migrate(Database &db);

} // namespace lettascope::store
