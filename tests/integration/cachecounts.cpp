// SPDX-License-Identifier: MIT
#include "cachecounts.h"

#include "scalarquery.h"
#include "store/sqlite.h"

#include <QTest>

using namespace lettascope::store;

namespace testsupport {

QString CacheCounts::toString() const
{
    return QStringLiteral("agents %1, runs %2 (terminal %3), steps %4, messages %5, jobs %6, resources %7")
        .arg(agents).arg(runs).arg(terminalRuns).arg(steps).arg(messages).arg(jobs).arg(resources);
}

CacheCounts readCacheCounts(const QString &path)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db) {
        QTest::qFail(qPrintable(db.error().message), __FILE__, __LINE__);
        return {};
    }
    CacheCounts counts;
    counts.agents = scalar(*db, "SELECT count(*) FROM agents");
    counts.runs = scalar(*db, "SELECT count(*) FROM runs");
    counts.terminalRuns =
        scalar(*db, "SELECT count(*) FROM runs WHERE status IN ('completed','failed','cancelled')");
    counts.steps = scalar(*db, "SELECT count(*) FROM steps");
    counts.messages = scalar(*db, "SELECT count(*) FROM messages");
    counts.jobs = scalar(*db, "SELECT count(*) FROM jobs");
    counts.resources = scalar(*db, "SELECT count(*) FROM resources");
    return counts;
}

QString integrityCheck(const QString &path)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return db.error().message;
    auto statement = db->prepare("PRAGMA integrity_check");
    if (!statement)
        return statement.error().message;
    auto row = statement->step();
    return row && *row ? statement->text(0) : QStringLiteral("no answer");
}

} // namespace testsupport
