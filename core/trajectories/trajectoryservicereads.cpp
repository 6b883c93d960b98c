// SPDX-License-Identifier: MIT
// TrajectoryService: the requests that read (search, contrasts, details) or move data in and out.
#include "trajectoryservice.h"

#include "common/whenready.h"
#include "store/storewriter.h"
#include "trajectories/metacounter.h"
#include "trajectories/readworker.h"
#include "trajectories/search/searchsession.h"
#include "trajectories/trajectoryjson.h"
#include "trajectories/trajectoryqueries.h"
#include "trajectories/trajectorywriter.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
// What a search job hands back: a result, or nothing when a newer search made it pointless.
template<typename T>
struct Answer {
    bool stale = false;
    Result<T> result = Error{};
};
} // namespace

quint64 TrajectoryService::runSearch(const SearchRequest &request, bool contrasts)
{
    const quint64 id = ++m_nextRequest;
    m_latestSearch->store(id);
    auto latest = m_latestSearch;
    auto session = [this]() { return m_session; }; // read on the reader thread only
    if (contrasts) {
        m_reader->run<Answer<Contrasts>>(this, [latest, id, request, session](store::Database &) {
            if (latest->load() != id)
                return Answer<Contrasts>{true, Error{}};
            auto s = session();
            if (!s)
                return Answer<Contrasts>{false, Error{ErrorKind::Storage, u"search is not ready"_s}};
            return Answer<Contrasts>{false, s->contrasts(request)};
        }, [this, id](Answer<Contrasts> answer) {
            if (answer.stale || id != m_latestSearch->load())
                return;
            if (answer.result)
                Q_EMIT contrastsFinished(id, *answer.result);
            else
                Q_EMIT requestFailed(id, answer.result.error());
        });
        return id;
    }
    m_reader->run<Answer<SearchResults>>(this, [latest, id, request, session](store::Database &) {
        if (latest->load() != id)
            return Answer<SearchResults>{true, Error{}};
        auto s = session();
        if (!s)
            return Answer<SearchResults>{false, Error{ErrorKind::Storage, u"search is not ready"_s}};
        return Answer<SearchResults>{false, s->search(request)};
    }, [this, id](Answer<SearchResults> answer) {
        if (answer.stale || id != m_latestSearch->load())
            return;
        if (answer.result)
            Q_EMIT searchFinished(id, *answer.result);
        else
            Q_EMIT requestFailed(id, answer.result.error());
    });
    return id;
}

quint64 TrajectoryService::search(const SearchRequest &request)
{
    return runSearch(request, false);
}

quint64 TrajectoryService::contrasts(const SearchRequest &request)
{
    return runSearch(request, true);
}

quint64 TrajectoryService::similar(qint64 trajectoryId, int limit, const TrajectoryFilters &filters)
{
    SearchRequest request;
    request.likeTrajectory = trajectoryId;
    request.limit = limit;
    request.filters = filters;
    return runSearch(request, false);
}

quint64 TrajectoryService::loadDetail(qint64 trajectoryId)
{
    const quint64 id = ++m_nextRequest;
    m_latestDetail = id;
    m_reader->run<Result<std::optional<TrajectoryDetail>>>(
        this, [trajectoryId](store::Database &db) { return loadTrajectoryDetail(db, trajectoryId); },
        [this, id](Result<std::optional<TrajectoryDetail>> detail) {
            if (id != m_latestDetail)
                return;
            if (!detail)
                Q_EMIT requestFailed(id, detail.error());
            else if (!*detail)
                Q_EMIT requestFailed(id, Error{ErrorKind::NotFound, u"the trajectory is no longer in the cache"_s});
            else
                Q_EMIT detailLoaded(id, **detail);
        });
    return id;
}

void TrajectoryService::setAnnotation(qint64 trajectoryId, const Annotation &annotation)
{
    auto saved = m_writer.transact([trajectoryId, annotation](store::Database &db) -> Result<store::ChangeSet> {
        auto seq = bumpMetaCounter(db, kRowSeqKey);
        if (!seq)
            return seq.error();
        if (auto s = TrajectoryWriter(db).setAnnotation(trajectoryId, annotation, *seq, QDateTime::currentMSecsSinceEpoch()); !s)
            return s.error();
        store::ChangeSet changes;
        changes.kinds = store::ChangeSet::Trajectories;
        return changes;
    });
    whenReady(saved, this, [this, trajectoryId](const Result<store::ChangeSet> &result) {
        if (result)
            Q_EMIT annotationSaved(trajectoryId);
        else
            Q_EMIT errorOccurred(result.error());
    });
}

void TrajectoryService::exportJsonl(const QString &path, const TrajectoryFilters &filters)
{
    const QString cache = m_writer.path();
    auto exported = QtConcurrent::run(&m_pool, [cache, path, filters]() -> std::pair<qint64, Error> {
        auto db = store::Database::open(cache, store::Database::Mode::ReadOnly);
        if (!db)
            return {0, db.error()};
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {0, Error{ErrorKind::Io, u"cannot write %1: %2"_s.arg(path, file.errorString())}};
        TrajectoryQuery query;
        query.filters = filters;
        query.descending = false;
        query.limit = 0;
        auto keys = listTrajectoryKeys(*db, query);
        if (!keys)
            return {0, keys.error()};
        qint64 count = 0;
        for (const RowKey &key : *keys) {
            auto detail = loadTrajectoryDetail(*db, key.rowId);
            if (!detail)
                return {count, detail.error()};
            if (*detail && file.write(QJsonDocument(recordJson(**detail)).toJson(QJsonDocument::Compact) + '\n') >= 0)
                ++count;
        }
        if (file.error() != QFileDevice::NoError)
            return {count, Error{ErrorKind::Io, u"writing %1 failed: %2"_s.arg(path, file.errorString())}};
        return {count, Error{}};
    });
    whenReady(exported, this, [this, path](const std::pair<qint64, Error> &done) {
        Q_EMIT exportFinished(path, done.first, done.second);
    });
}

void TrajectoryService::importJsonl(const QString &path)
{
    ImportOptions options;
    options.enqueueProcessing = m_settings.autoProcess();
    options.maxAttempts = m_settings.maxAttempts();
    auto imported = QtConcurrent::run(&m_pool, [&writer = m_writer, path, options] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ImportReport report;
            report.error = Error{ErrorKind::Io, u"cannot read %1: %2"_s.arg(path, file.errorString())};
            return report;
        }
        return importTrajectories(writer, file, options);
    });
    whenReady(imported, this, [this](const ImportReport &report) { Q_EMIT importFinished(report); });
}

} // namespace lettascope::trajectories
