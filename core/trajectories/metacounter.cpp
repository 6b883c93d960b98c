// SPDX-License-Identifier: MIT
#include "metacounter.h"

#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

Result<qint64> bumpMetaCounter(store::Database &db, const char *key)
{
    auto stmt = db.cached("INSERT INTO meta(key, value) VALUES (?1, '1') "
                          "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, QString::fromLatin1(key));
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 value = (*stmt)->int64(0);
    (*stmt)->reset();
    return value;
}

Result<qint64> readMetaCounter(store::Database &db, const char *key)
{
    auto stmt = db.cached("SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, QString::fromLatin1(key));
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 value = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return value;
}

Status writeMetaCounter(store::Database &db, const char *key, qint64 value)
{
    auto stmt = db.cached("INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, QString::fromLatin1(key)).bind(2, QString::number(value));
    return (*stmt)->run();
}

} // namespace lettascope::trajectories
