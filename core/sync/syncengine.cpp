// SPDX-License-Identifier: MIT
#include "syncengine.h"

#include "common/logging.h"
#include "store/jsontext.h"
#include "store/queries/serverqueries.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "storesink.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::sync {

namespace {

QByteArray reportJson(const SyncReport &report)
{
    QJsonArray resources;
    for (const auto &r : report.resources) {
        QJsonObject entry{{u"resource"_s, r.resource}, {u"fetched"_s, double(r.fetched)},
                          {u"requests"_s, double(r.requests)}, {u"ok"_s, r.ok}};
        if (r.skipped > 0)
            entry.insert(u"skipped"_s, double(r.skipped));
        if (!r.error.isEmpty())
            entry.insert(u"error"_s, r.error);
        if (!r.note.isEmpty())
            entry.insert(u"note"_s, r.note);
        resources.append(entry);
    }
    return store::jsonText(QJsonObject{{u"version"_s, report.serverVersion}, {u"cancelled"_s, report.cancelled},
                                       {u"resources"_s, resources}});
}

} // namespace

SyncReport SyncEngine::run(SyncSource &source, store::ServerRecord server, const SyncOptions &options,
                           const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    SyncReport report;
    report.startedMs = QDateTime::currentMSecsSinceEpoch();
    auto finish = [&report] {
        report.finishedMs = QDateTime::currentMSecsSinceEpoch();
        return report;
    };

    auto version = source.probe();
    if (version) {
        report.serverVersion = *version;
        server.version = *version;
    }
    auto serverId = m_writer.ensureServer(server).result();
    if (!serverId) {
        report.fatal = serverId.error();
        return finish();
    }

    auto logId = m_writer.call<qint64>([id = *serverId, started = report.startedMs](store::Database &db) -> Result<qint64> {
        auto stmt = db.cached("INSERT INTO sync_log(server_id, started_ms) VALUES (?1, ?2)");
        if (!stmt)
            return stmt.error();
        (*stmt)->bind(1, id).bind(2, started);
        if (auto status = (*stmt)->run(); !status)
            return status.error();
        return db.lastInsertRowId();
    }).result();

    if (!version) {
        // Unreachable or unsupported: cached data stays as it is, and the log says why.
        report.fatal = version.error();
    } else if (auto read = store::Database::open(m_writer.path(), store::Database::Mode::ReadOnly); !read) {
        report.fatal = read.error();
    } else {
        auto state = store::readSyncState(*read, *serverId);
        StoreSink sink(m_writer, *serverId, std::move(read).value(), state ? *state : QHash<QString, QString>(), progress, cancel);
        source.sync(sink, options, report);
        if (auto flushed = sink.flush(); !flushed)
            report.fatal = flushed.error();
        report.cancelled = report.cancelled || sink.isCancelled();
        report.changes = sink.changes();
    }
    finish();

    if (logId) {
        const qint64 id = *logId;
        m_writer.call<Done>([id, report](store::Database &db) -> Status {
            auto stmt = db.cached("UPDATE sync_log SET finished_ms = ?2, ok = ?3, requests = ?4, report = ?5, error = ?6 "
                                  "WHERE id = ?1");
            if (!stmt)
                return stmt.error();
            (*stmt)->bind(1, id).bind(2, report.finishedMs).bind(3, report.ok()).bind(4, report.requests());
            (*stmt)->bind(5, reportJson(report));
            (*stmt)->bind(6, report.fatal.kind == ErrorKind::None ? QString() : report.fatal.toString());
            return (*stmt)->run();
        }).waitForFinished();
    }
    qCInfo(lcSync) << "sync of" << server.baseUrl << "finished:" << report.summary();
    return report;
}

} // namespace lettascope::sync
