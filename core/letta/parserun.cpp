// SPDX-License-Identifier: MIT
#include "common/jsonread.h"
#include "parsers.h"
#include "net/errorbody.h"
#include "textflatten.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
// metadata.error is a string on 1.x failures; some paths store an object.
QString errorTextOf(const QJsonObject &metadata)
{
    return net::flattenDetail(metadata.value(u"error"));
}
} // namespace

Result<Run> parseRun(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"run", value);
    const QJsonObject o = value.toObject();
    const QJsonObject metadata = json::object(o, u"metadata");
    Run run;
    run.id = json::str(o, u"id");
    if (run.id.isEmpty())
        return Error{ErrorKind::BadPayload, u"run without an id"_s};
    // 0.x stored runs as jobs: agent_id, background and the run kind lived in metadata (§9).
    run.agentId = json::str(o, u"agent_id");
    if (run.agentId.isEmpty())
        run.agentId = json::str(metadata, u"agent_id");
    run.conversationId = json::str(o, u"conversation_id");
    run.statusText = json::str(o, u"status");
    run.status = runStatusFromString(run.statusText);
    run.stopReason = json::str(o, u"stop_reason");
    run.createdMs = json::timeMs(o, u"created_at");
    run.completedMs = json::timeMs(o, u"completed_at");
    run.totalDurationNs = json::int64(o, u"total_duration_ns");
    run.ttftNs = json::int64(o, u"ttft_ns");
    run.background = json::boolean(o, u"background").value_or(json::boolean(metadata, u"background").value_or(false));
    run.runType = json::firstStr(metadata, {u"run_type", u"job_type"});
    run.errorText = errorTextOf(metadata);
    run.raw = o;
    return run;
}

Result<Job> parseJob(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"job", value);
    const QJsonObject o = value.toObject();
    Job job;
    job.id = json::str(o, u"id");
    if (job.id.isEmpty())
        return Error{ErrorKind::BadPayload, u"job without an id"_s};
    job.metadata = json::object(o, u"metadata");
    job.status = json::str(o, u"status");
    job.jobType = json::str(o, u"job_type");
    job.agentId = json::str(o, u"agent_id");
    if (job.agentId.isEmpty())
        job.agentId = json::str(job.metadata, u"agent_id");
    job.stopReason = json::str(o, u"stop_reason");
    job.errorText = errorTextOf(job.metadata);
    job.createdMs = json::timeMs(o, u"created_at");
    job.updatedMs = json::timeMs(o, u"updated_at");
    job.completedMs = json::timeMs(o, u"completed_at");
    job.raw = o;
    return job;
}

} // namespace lettascope::letta
