// SPDX-License-Identifier: MIT
#include "storewriter.h"

#include "common/logging.h"
#include "migrations.h"
#include "sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

// Runs per backfill transaction: a few hundred milliseconds of writer time, so queued writes wait little.
constexpr int kBackfillChunk = 2'000;

Result<ChangeSet> runInTransaction(Database &db, const StoreWriter::Job &job)
{
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<ChangeSet> result = job(db);
    if (!result)
        return result; // the transaction rolls back on destruction
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return result;
}

} // namespace

StoreWriter::StoreWriter(QObject *parent)
    : QObject(parent)
    , m_db(u"store-writer"_s)
{
    qRegisterMetaType<ChangeSet>();
}

StoreWriter::~StoreWriter() = default;

void StoreWriter::addDerivation(RunDerivation derivation)
{
    if (!m_path.isEmpty()) {
        qCWarning(lcStore) << "derivation" << derivation.name << "registered after the cache was opened: ignored";
        return;
    }
    m_derivations << std::move(derivation);
}

QFuture<Status> StoreWriter::openAsync(const QString &path)
{
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        const Error error{ErrorKind::Io, u"cannot create the cache folder %1"_s.arg(info.absolutePath())};
        return QtFuture::makeReadyFuture(Status(error));
    }
    QFuture<Status> opened = m_db.open(path, Database::Mode::ReadWrite, migrate);
    // Queued behind the open: when it failed they find no connection and stop.
    for (const RunDerivation &derivation : std::as_const(m_derivations)) {
        if (derivation.backfill)
            backfill(derivation, 0);
    }
    return opened;
}

QFuture<Result<qint64>> StoreWriter::ensureServer(const ServerRecord &server)
{
    return call<qint64>([server](Database &db) { return EntityWriter(db).ensureServer(server); });
}

QFuture<Result<ChangeSet>> StoreWriter::write(qint64 serverId, WriteBatch batch)
{
    return transact([this, serverId, batch = std::move(batch)](Database &db) -> Result<ChangeSet> {
        return EntityWriter(db, m_derivations).write(serverId, batch, QDateTime::currentMSecsSinceEpoch());
    });
}

QFuture<Result<ChangeSet>> StoreWriter::transact(Job job)
{
    return call<ChangeSet>([this, job = std::move(job)](Database &db) {
        Result<ChangeSet> result = runInTransaction(db, job);
        if (result && !result->isEmpty())
            Q_EMIT changed(*result);
        else if (!result)
            qCWarning(lcStore) << "write failed:" << result.error().toString();
        return result;
    });
}

void StoreWriter::backfill(const RunDerivation &derivation, qint64 afterRowId)
{
    // Queued behind whatever is waiting, one chunk per turn. A backfill adds nothing readers could not
    // derive already, so nothing is broadcast.
    m_db.post([this, derivation, afterRowId](Database *db) {
        if (!db)
            return;
        Result<std::optional<qint64>> next = std::optional<qint64>();
        {
            Transaction transaction(*db);
            next = transaction.begun() ? derivation.backfill(*db, afterRowId, kBackfillChunk)
                                       : Result<std::optional<qint64>>(transaction.begun().error());
            if (next) {
                if (auto committed = transaction.commit(); !committed)
                    next = committed.error();
            }
        }
        if (!next)
            qCWarning(lcStore) << derivation.name << "backfill stopped:" << next.error().toString();
        else if (next->has_value())
            backfill(derivation, **next);
    });
}

} // namespace lettascope::store
