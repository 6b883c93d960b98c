// SPDX-License-Identifier: MIT
#include "storewriter.h"

#include "analytics/storedfacts.h"
#include "common/logging.h"
#include "migrations.h"
#include "sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPromise>

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

class StoreWriter::Worker final : public QObject
{
public:
    Database db;
};

StoreWriter::StoreWriter(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{
    qRegisterMetaType<ChangeSet>();
    m_thread.setObjectName(u"store-writer"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreWriter::~StoreWriter()
{
    // Queued jobs still run: quit() is processed after them, so nothing submitted is dropped.
    post([worker = m_worker] { worker->db = Database(); });
    m_thread.quit();
    m_thread.wait();
}

void StoreWriter::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_worker, std::move(task), Qt::QueuedConnection);
}

Status StoreWriter::open(const QString &path)
{
    m_path = path;
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    post([this, promise, path] {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath())) {
            promise->addResult(Error{ErrorKind::Io, u"cannot create the cache folder %1"_s.arg(info.absolutePath())});
            promise->finish();
            return;
        }
        auto opened = Database::open(path);
        if (!opened) {
            promise->addResult(opened.error());
        } else {
            m_worker->db = std::move(opened).value();
            auto migrated = migrate(m_worker->db);
            if (migrated)
                backfillRunFacts(0);
            else
                m_worker->db = Database();
            promise->addResult(migrated);
        }
        promise->finish();
    });
    return future.result();
}

QFuture<Result<qint64>> StoreWriter::ensureServer(const ServerRecord &server)
{
    auto promise = std::make_shared<QPromise<Result<qint64>>>();
    promise->start();
    post([this, promise, server] {
        if (!m_worker->db.isOpen())
            promise->addResult(Error{ErrorKind::Storage, u"the cache is not open"_s});
        else
            promise->addResult(EntityWriter(m_worker->db).ensureServer(server));
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<ChangeSet>> StoreWriter::write(qint64 serverId, WriteBatch batch)
{
    return transact([serverId, batch = std::move(batch)](Database &db) -> Result<ChangeSet> {
        return EntityWriter(db).write(serverId, batch, QDateTime::currentMSecsSinceEpoch());
    });
}

QFuture<Result<ChangeSet>> StoreWriter::transact(Job job)
{
    auto promise = std::make_shared<QPromise<Result<ChangeSet>>>();
    promise->start();
    post([this, promise, job = std::move(job)] {
        if (!m_worker->db.isOpen()) {
            promise->addResult(Error{ErrorKind::Storage, u"the cache is not open"_s});
            promise->finish();
            return;
        }
        Result<ChangeSet> result = runInTransaction(m_worker->db, job);
        if (result && !result->isEmpty())
            Q_EMIT changed(*result);
        else if (!result)
            qCWarning(lcStore) << "write failed:" << result.error().toString();
        promise->addResult(std::move(result));
        promise->finish();
    });
    return promise->future();
}

void StoreWriter::backfillRunFacts(qint64 afterRowId)
{
    // Queued behind whatever is waiting, one chunk per turn: writes interleave with the backfill. Its rows
    // change no aggregate (the loader derives the same facts without them), so nothing is broadcast.
    post([this, afterRowId] {
        Database *db = openDatabase();
        if (!db)
            return;
        Result<std::optional<qint64>> next = std::optional<qint64>();
        {
            Transaction transaction(*db);
            next = transaction.begun() ? analytics::backfillRunFacts(*db, afterRowId, kBackfillChunk)
                                       : Result<std::optional<qint64>>(transaction.begun().error());
            if (next) {
                if (auto committed = transaction.commit(); !committed)
                    next = committed.error();
            }
        }
        if (!next)
            qCWarning(lcStore) << "run facts backfill stopped:" << next.error().toString();
        else if (next->has_value())
            backfillRunFacts(**next);
    });
}

Database *StoreWriter::openDatabase() const
{
    return m_worker->db.isOpen() ? &m_worker->db : nullptr;
}

} // namespace lettascope::store
