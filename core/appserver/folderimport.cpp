// SPDX-License-Identifier: MIT
#include "folderimport.h"

#include "importunits.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QUrl>
#include <QtConcurrentMap>

#include <deque>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

using namespace import_detail;

namespace {
// Units parsed together and written as one transaction.
constexpr qsizetype kChunk = 100;

struct Importer {
    store::StoreWriter &writer;
    const ImportOptions &options;
    ImportReport &report;
    std::deque<QFuture<Result<store::ChangeSet>>> inFlight;
    QSet<QString> conversations;

    bool settleOldest()
    {
        auto result = inFlight.front().result();
        inFlight.pop_front();
        if (!result) {
            report.fatal = result.error();
            return false;
        }
        report.changes.merge(*result);
        return true;
    }

    bool write(store::WriteBatch batch)
    {
        // Two batches in flight keep the writer busy while the next chunk is parsed, and memory bounded.
        if (inFlight.size() >= 2 && !settleOldest())
            return false;
        inFlight.push_back(writer.write(report.serverId, std::move(batch)));
        return true;
    }

    bool finish()
    {
        while (!inFlight.empty()) {
            if (!settleOldest())
                return false;
        }
        return true;
    }

    void count(const ParsedUnit &unit, store::WriteBatch &into)
    {
        report.skipped += unit.skipped;
        if (!unit.problem.isEmpty()) {
            report.problems.append(unit.problem);
            return;
        }
        ++report.files;
        report.runs += unit.batch.runs.size();
        report.steps += unit.batch.steps.size();
        report.messages += unit.batch.messages.size();
        for (const Run &run : unit.batch.runs)
            conversations.insert(run.conversationId);
        into.agents += unit.batch.agents;
        into.runs += unit.batch.runs;
        into.steps += unit.batch.steps;
        into.messages += unit.batch.messages;
    }

    void run(const QList<Unit> &units)
    {
        for (qsizetype start = 0; start < units.size(); start += kChunk) {
            if (options.cancel && *options.cancel) {
                report.cancelled = true;
                break;
            }
            const QList<Unit> chunk = units.mid(start, kChunk);
            const QList<ParsedUnit> parsed = QtConcurrent::blockingMapped(chunk, [](const Unit &unit) { return unit(); });
            store::WriteBatch batch;
            for (const ParsedUnit &unit : parsed)
                count(unit, batch);
            if (!batch.isEmpty() && !write(std::move(batch)))
                return;
            if (options.progress)
                options.progress(start + chunk.size(), units.size());
        }
        finish();
    }
};

store::ServerRecord defaultTarget(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return store::ServerRecord{u"import:"_s + canonical, QFileInfo(canonical).fileName(),
                               QUrl::fromLocalFile(canonical).toString(), u"import"_s, {}};
}

} // namespace

Result<ImportFormat> detectImportFormat(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return Error{ErrorKind::Io, u"%1 is not a folder"_s.arg(path)};
    if (!storeRoot(path).isEmpty() || isSingleConversationFolder(path))
        return ImportFormat::AppServerStore;
    if (looksLikeTrajectoryExport(path))
        return ImportFormat::TrajectoryExport;
    return Error{ErrorKind::Unsupported,
                 u"%1 is neither a trajectory-v1 export (`letta trajectories export`: manifest.json and JSON files) nor "
                 "an App Server store (~/.letta/lc-local-backend, or one of its conversation folders)"_s.arg(path)};
}

ImportReport importFolder(store::StoreWriter &writer, const QString &path, const ImportOptions &options)
{
    ImportReport report;
    report.path = path;
    QElapsedTimer clock;
    clock.start();
    auto format = detectImportFormat(path);
    if (!format) {
        report.fatal = format.error();
        return report;
    }
    report.format = *format;
    auto serverId = writer.ensureServer(options.target.value_or(defaultTarget(path))).result();
    if (!serverId) {
        report.fatal = serverId.error();
        return report;
    }
    report.serverId = *serverId;

    QList<Agent> agents;
    QList<Unit> units;
    if (*format == ImportFormat::TrajectoryExport) {
        units = trajectoryUnits(path);
    } else {
        const QString root = isSingleConversationFolder(path) ? path : storeRoot(path);
        units = storeUnits(root, &agents, &report.problems);
    }
    Importer importer{writer, options, report, {}, {}};
    // Agents first, so revisions are recorded before the runs that used them.
    if (!agents.isEmpty()) {
        store::WriteBatch batch;
        batch.agents = agents;
        importer.write(std::move(batch));
    }
    importer.run(units);
    QSet<QString> agentIds;
    for (const Agent &agent : std::as_const(agents))
        agentIds.insert(agent.id);
    report.agents = qMax<qint64>(agentIds.size(), report.changes.agentIds.size());
    report.conversations = importer.conversations.size();
    report.elapsedMs = clock.elapsed();
    return report;
}

} // namespace lettascope::appserver
