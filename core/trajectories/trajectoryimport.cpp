// SPDX-License-Identifier: MIT
#include "trajectoryimport.h"

#include "common/timestamps.h"
#include "store/storewriter.h"
#include "trajectories/metacounter.h"
#include "trajectories/processing/enrichmentwriter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/trajectorywriter.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const auto &item : value.toArray()) {
        if (item.isString() && !item.toString().trimmed().isEmpty())
            out << item.toString().trimmed();
    }
    return out;
}

StageResult imported(Stage stage, const QJsonObject &line)
{
    StageResult r;
    r.stage = stage;
    r.ok = true;
    r.backend = u"import"_s;
    // Provenance survives a round trip: "openai/gpt-4o-mini" tells where the imported result came from.
    const QJsonObject origin = line.value(u"enrichment"_s).toObject().value(stageKey(stage)).toObject();
    const QString backend = origin.value(u"backend"_s).toString();
    const QString model = origin.value(u"model"_s).toString();
    r.model = backend.isEmpty() ? model : model.isEmpty() ? backend : backend + u'/' + model;
    r.startedMs = QDateTime::currentMSecsSinceEpoch();
    return r;
}

Result<QList<Decision>> decisionsFrom(const QJsonArray &array)
{
    QList<Decision> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject d = array[i].toObject();
        if (d.value(u"action"_s).toString().isEmpty())
            return Error{ErrorKind::BadPayload, u"decision %1 has no action"_s.arg(i)};
        Decision decision;
        decision.decisionIndex = int(i);
        decision.turnIndex = d.value(u"turn_index"_s).toInt();
        decision.action = d.value(u"action"_s).toString();
        const QJsonValue args = d.value(u"arguments"_s);
        decision.arguments = args.isString() ? args.toString()
                                             : QString::fromUtf8(QJsonDocument(args.toObject()).toJson(QJsonDocument::Compact));
        if (d.value(u"success"_s).isBool())
            decision.success = d.value(u"success"_s).toBool();
        decision.errorType = d.value(u"error_type"_s).toString();
        decision.resultSummary = d.value(u"result_summary"_s).toString();
        decision.toolCallId = d.value(u"tool_call_id"_s).toString();
        out << decision;
    }
    return out;
}

Status readEnrichment(const QJsonObject &line, ImportedTrajectory &out)
{
    if (const QString summary = line.value(u"searchable_summary"_s).toString(); !summary.isEmpty()) {
        StageResult r = imported(Stage::Summary, line);
        r.summary = summary;
        out.results << r;
    }
    const QJsonValue score = line.value(u"outcome_score"_s);
    if (!score.isNull() && !score.isUndefined()) {
        if (!score.isDouble() || score.toDouble() < 0 || score.toDouble() > 1)
            return Error{ErrorKind::BadPayload, u"outcome_score must be a number from 0 to 1"_s};
        StageResult r = imported(Stage::Score, line);
        r.score = score.toDouble();
        r.scoreReasoning = line.value(u"score_reasoning"_s).toString();
        out.results << r;
    }
    const QStringList tags = strings(line.value(u"tags"_s));
    const QString category = line.value(u"task_category"_s).toString();
    if (!tags.isEmpty() || !category.isEmpty()) {
        StageResult r = imported(Stage::Labels, line);
        r.labels = Labels{tags, category, line.value(u"complexity_level"_s).toString(), line.value(u"trajectory_metadata"_s).toObject()};
        out.results << r;
    }
    if (line.value(u"decisions"_s).isArray()) {
        auto decisions = decisionsFrom(line.value(u"decisions"_s).toArray());
        if (!decisions)
            return decisions.error();
        StageResult r = imported(Stage::Decisions, line);
        r.decisions = *decisions;
        out.results << r;
    }
    const QJsonObject notes = line.value(u"annotations"_s).toObject();
    if (notes.value(u"human_score"_s).isDouble())
        out.annotation.humanScore = std::clamp(notes.value(u"human_score"_s).toDouble(), 0.0, 1.0);
    out.annotation.tags = strings(notes.value(u"tags"_s));
    out.annotation.note = notes.value(u"note"_s).toString();
    out.annotation.updatedMs = parseTimestampMs(notes.value(u"updated_at"_s).toString());
    return success();
}

} // namespace

Result<ImportedTrajectory> parseTrajectoryLine(const QByteArray &line, qint64 serverId)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorKind::BadPayload, u"not JSON (%1 at offset %2)"_s.arg(parseError.errorString()).arg(parseError.offset)};
    if (!doc.isObject())
        return Error{ErrorKind::BadPayload, u"not a JSON object"_s};
    const QJsonObject object = doc.object();
    // A bare seed `data` object is accepted as well as a full record.
    const bool bare = !object.contains(u"data"_s) && object.contains(u"turns"_s);
    const QJsonObject data = bare ? object : object.value(u"data"_s).toObject();
    if (data.isEmpty())
        return Error{ErrorKind::BadPayload, u"no \"data\" object"_s};
    if (data.value(u"run_id"_s).toString().isEmpty())
        return Error{ErrorKind::BadPayload, u"data.run_id is missing"_s};
    if (!data.value(u"turns"_s).isArray())
        return Error{ErrorKind::BadPayload, u"data.turns is not a list"_s};
    ImportedTrajectory out;
    out.record = recordFromData(serverId, object.value(u"agent_id"_s).toString(), data);
    out.record.imported = true;
    if (!bare) {
        if (auto s = readEnrichment(object, out); !s)
            return s.error();
    }
    return out;
}

namespace {

QFuture<Result<store::ChangeSet>> writeBatch(store::StoreWriter &writer, QList<ImportedTrajectory> batch,
                                             const ImportOptions &options, std::shared_ptr<ImportReport> counts)
{
    return writer.transact([batch = std::move(batch), options, counts](store::Database &db) -> Result<store::ChangeSet> {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto rowSeq = bumpMetaCounter(db, kRowSeqKey);
        if (!rowSeq)
            return rowSeq.error();
        TrajectoryWriter trajectories(db);
        EnrichmentWriter enrichment(db);
        for (const ImportedTrajectory &item : batch) {
            auto upserted = trajectories.upsert(item.record, *rowSeq, now);
            if (!upserted)
                return upserted.error();
            StageMask present = 0;
            for (const StageResult &result : item.results) {
                if (auto s = enrichment.apply(upserted->rowId, result, item.record.contentHash, *rowSeq, 0); !s)
                    return s.error();
                present |= stageBit(result.stage);
            }
            if (!item.annotation.isEmpty()) {
                if (auto s = trajectories.setAnnotation(upserted->rowId, item.annotation, *rowSeq, now); !s)
                    return s.error();
            }
            if (auto s = enrichment.refreshProcessingState(upserted->rowId, *rowSeq, false, now); !s)
                return s.error();
            (upserted->contentChanged || !item.results.isEmpty() ? counts->imported : counts->unchanged)++;
            const StageMask missing = AllStages & ~(present & ~stageBit(Stage::Embedding));
            if (options.enqueueProcessing) {
                auto queued = jobqueue::enqueue(db, {upserted->rowId}, missing, options.maxAttempts, now);
                if (!queued)
                    return queued.error();
                counts->queued += *queued;
            }
        }
        store::ChangeSet changes;
        changes.kinds = store::ChangeSet::Trajectories | store::ChangeSet::ProcessingJobs;
        return changes;
    });
}

} // namespace

ImportReport importTrajectories(store::StoreWriter &writer, QIODevice &input, const ImportOptions &options)
{
    auto report = std::make_shared<ImportReport>();
    auto server = writer.ensureServer({QString::fromLatin1(ImportProfileId), u"Imported trajectories"_s, QString(),
                                       u"import"_s, QString()}).result();
    if (!server) {
        report->error = server.error();
        return *report;
    }
    QList<ImportedTrajectory> batch;
    auto flush = [&]() -> bool {
        if (batch.isEmpty())
            return true;
        auto written = writeBatch(writer, std::exchange(batch, {}), options, report).result();
        if (!written)
            report->error = written.error();
        return written.ok();
    };
    while (!input.atEnd()) {
        const QByteArray line = input.readLine().trimmed();
        ++report->lines;
        if (line.isEmpty())
            continue;
        auto parsed = parseTrajectoryLine(line, *server);
        if (!parsed) {
            report->rejected << u"line %1: %2"_s.arg(report->lines).arg(parsed.error().message);
            continue;
        }
        batch << std::move(parsed).value();
        if (batch.size() >= 200 && !flush())
            return *report;
    }
    flush();
    return *report;
}

} // namespace lettascope::trajectories
