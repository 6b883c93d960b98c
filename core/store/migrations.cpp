// SPDX-License-Identifier: MIT
#include "migrations.h"

#include "common/logging.h"
#include "sqlite.h"

#include <QDir>
#include <QFile>

#include <map>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

// Migrations ship as resources named NNN_description.sql; the number is the schema version they produce.
std::map<int, QString> migrationFiles()
{
    std::map<int, QString> files;
    const QDir dir(u":/lettascope/sql"_s);
    for (const QString &name : dir.entryList({u"*.sql"_s}, QDir::Files)) {
        bool ok = false;
        const int version = name.section(u'_', 0, 0).toInt(&ok);
        if (ok && version > 0)
            files.emplace(version, dir.filePath(name));
    }
    return files;
}

Result<int> userVersion(Database &db)
{
    auto stmt = db.prepare("PRAGMA user_version");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return int(stmt->int64(0));
}

} // namespace

int schemaVersion()
{
    const auto files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

Status migrate(Database &db)
{
    auto current = userVersion(db);
    if (!current)
        return current.error();
    const auto files = migrationFiles();
    const int target = files.empty() ? 0 : files.rbegin()->first;
    if (*current > target) {
        return Error{ErrorKind::Unsupported,
                     u"the cache %1 was written by a newer Lettascope (schema %2; this build knows %3). "
                     "Update Lettascope or choose another cache file."_s.arg(db.path())
                         .arg(*current)
                         .arg(target)};
    }
    for (const auto &[version, path] : files) {
        if (version <= *current)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorKind::Storage, u"migration %1 is missing from this build"_s.arg(path)};
        const QByteArray sql = file.readAll() + "\nPRAGMA user_version = " + QByteArray::number(version) + ";";
        Transaction transaction(db);
        if (!transaction.begun())
            return transaction.begun();
        if (auto status = db.exec(sql.constData()); !status) {
            Error error = status.error();
            error.message = u"migration to schema %1 failed: %2"_s.arg(version).arg(error.message);
            return error;
        }
        if (auto status = transaction.commit(); !status)
            return status;
        qCInfo(lcStore) << "cache" << db.path() << "migrated to schema" << version;
    }
    return success();
}

} // namespace lettascope::store
