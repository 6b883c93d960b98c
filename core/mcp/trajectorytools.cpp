// SPDX-License-Identifier: MIT
#include "trajectorytools.h"

#include "toolargs.h"
#include "toolschemas.h"
#include "turnstext.h"

#include "common/timestamps.h"
#include "trajectories/decisionsearch.h"
#include "trajectories/processing/digest.h"
#include "trajectories/search/searchsession.h"
#include "trajectories/trajectoryqueries.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::mcp {

namespace {
// Output bounds: an agent's context is the scarce resource, not the cache.
constexpr qsizetype kSummaryChars = 600;
constexpr qsizetype kShortChars = 200;
constexpr qsizetype kReasoningChars = 600;
constexpr qsizetype kTurnLineChars = 400;
constexpr qsizetype kTurnsChars = 12'000;
constexpr qsizetype kMaxListItems = 20;

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue dateOf(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(formatTimestampMs(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonArray bounded(const QStringList &items)
{
    return QJsonArray::fromStringList(items.mid(0, kMaxListItems));
}

QJsonObject hitItem(const SearchHit &hit)
{
    const TrajectoryRow &row = hit.row;
    return {{u"run_id"_s, row.runId},
            {u"trajectory_id"_s, row.id},
            {u"agent_id"_s, row.agentId},
            {u"similarity"_s, hit.score},
            {u"outcome_score"_s, optionalNumber(row.score)},
            {u"summary"_s, row.summary.isEmpty() ? u"No summary available"_s : clip(row.summary, kSummaryChars)},
            {u"details"_s, QJsonObject{{u"status"_s, row.runStatus},
                                       {u"tools_used"_s, bounded(row.toolsUsed)},
                                       {u"step_count"_s, row.stepCount}}},
            {u"created_at"_s, dateOf(row.createdMs)}};
}

QJsonArray items(const QList<SearchHit> &hits)
{
    QJsonArray out;
    for (const SearchHit &hit : hits)
        out.append(hitItem(hit));
    return out;
}

ToolResult structured(const QJsonObject &object)
{
    return {object, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)), false};
}

/// The agents a search covers: the one asked for, else the caller for scope "agent" (the default when the
/// client says who calls), else all.
std::optional<QStringList> agentScope(ToolArgs &args, const Caller &caller)
{
    const QString agentId = args.text(u"agent_id"_s, 200, false);
    const std::optional<QString> scope = args.oneOf(u"scope"_s, {u"agent"_s, u"all"_s});
    if (!agentId.isEmpty())
        return QStringList{agentId};
    if (scope == u"all" || (!scope && caller.agentId.isEmpty()))
        return QStringList();
    if (caller.agentId.isEmpty())
        return std::nullopt;
    return QStringList{caller.agentId};
}
} // namespace

TrajectoryTools::TrajectoryTools(std::unique_ptr<SearchSession> session, qint64 serverId)
    : m_session(std::move(session))
    , m_serverId(serverId)
{
}

TrajectoryTools::~TrajectoryTools() = default;

QJsonArray TrajectoryTools::descriptors() const
{
    return toolDescriptors();
}

std::optional<ToolResult> TrajectoryTools::call(const QString &name, const QJsonObject &arguments, const Caller &caller)
{
    if (name == u"search_trajectories")
        return searchTrajectories(arguments, caller);
    if (name == u"search_decisions")
        return searchDecisions(arguments, caller);
    if (name == u"get_trajectory")
        return getTrajectory(arguments);
    return std::nullopt;
}

ToolResult TrajectoryTools::searchTrajectories(const QJsonObject &arguments, const Caller &caller)
{
    ToolArgs args(arguments, {u"query"_s, u"min_score"_s, u"limit"_s, u"include_contrasts"_s, u"agent_id"_s,
                              u"scope"_s});
    SearchRequest request;
    request.text = args.text(u"query"_s, 2000, true);
    const double minScore = args.number(u"min_score"_s, 0.5, 0.0, 1.0);
    request.limit = args.integer(u"limit"_s, 3, 1, 10);
    const bool contrasts = args.boolean(u"include_contrasts"_s).value_or(false);
    const std::optional<QStringList> agents = agentScope(args, caller);
    if (args.error())
        return ToolResult::error(args.error()->message);
    if (!agents)
        return ToolResult::error(u"scope: \"agent\" needs agent_id, or a client that says which agent calls"_s);
    request.filters.serverId = m_serverId;
    request.filters.agentIds = *agents;
    if (contrasts) {
        // The tiers cover every score (successes >= 0.7, failures <= 0.3, moderate between): no dead zone.
        auto found = m_session->contrasts(request);
        if (!found)
            return ToolResult::error(u"search failed: "_s + found.error().toString());
        return structured({{u"message"_s, u"Found %1 successes, %2 moderate outcomes, and %3 failures for comparison:"_s
                                              .arg(found->successes.size()).arg(found->moderate.size())
                                              .arg(found->failures.size())},
                           {u"successes"_s, items(found->successes)},
                           {u"moderate"_s, items(found->moderate)},
                           {u"failures"_s, items(found->failures)}});
    }
    request.filters.minScore = minScore;
    auto found = m_session->search(request);
    if (!found)
        return ToolResult::error(u"search failed: "_s + found.error().toString());
    const QString message = found->hits.isEmpty() ? u"No relevant past experiences found for this query."_s
                                                   : u"Found %1 relevant past experiences:"_s.arg(found->hits.size());
    return structured({{u"message"_s, message}, {u"results"_s, items(found->hits)}});
}

ToolResult TrajectoryTools::searchDecisions(const QJsonObject &arguments, const Caller &caller)
{
    ToolArgs args(arguments, {u"query"_s, u"action"_s, u"success_only"_s, u"limit"_s, u"agent_id"_s, u"scope"_s});
    DecisionQuery query;
    query.text = args.text(u"query"_s, 2000, true);
    query.action = args.text(u"action"_s, 200, false);
    query.success = args.boolean(u"success_only"_s);
    query.limit = args.integer(u"limit"_s, 5, 1, 20);
    const std::optional<QStringList> agents = agentScope(args, caller);
    if (args.error())
        return ToolResult::error(args.error()->message);
    if (!agents)
        return ToolResult::error(u"scope: \"agent\" needs agent_id, or a client that says which agent calls"_s);
    query.serverId = m_serverId;
    query.agentIds = *agents;
    auto hits = trajectories::searchDecisions(m_session->database(), query);
    if (!hits)
        return ToolResult::error(u"search failed: "_s + hits.error().toString());
    QJsonArray results;
    for (const DecisionHit &hit : std::as_const(*hits)) {
        const Decision &d = hit.decision;
        results.append(QJsonObject{
            {u"action"_s, d.action},
            {u"arguments_summary"_s, clip(d.arguments, kShortChars)},
            {u"success"_s, d.success ? QJsonValue(*d.success) : QJsonValue(QJsonValue::Null)},
            {u"error_type"_s, d.errorType.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.errorType)},
            {u"result_summary"_s, clip(d.resultSummary, kShortChars)},
            {u"turn_index"_s, d.turnIndex},
            {u"run_id"_s, hit.runId},
            {u"trajectory_id"_s, hit.trajectoryId},
            {u"agent_id"_s, hit.agentId},
            {u"similarity"_s, hit.similarity},
            {u"created_at"_s, dateOf(hit.createdMs)}});
    }
    const QString message = results.isEmpty() ? u"No matching decisions found."_s
                                              : u"Found %1 matching decisions:"_s.arg(results.size());
    return structured({{u"message"_s, message}, {u"results"_s, results}});
}

ToolResult TrajectoryTools::getTrajectory(const QJsonObject &arguments)
{
    ToolArgs args(arguments, {u"run_id"_s});
    const QString key = args.text(u"run_id"_s, 200, true);
    if (args.error())
        return ToolResult::error(args.error()->message);
    auto rowId = findTrajectory(m_session->database(), m_serverId, key);
    if (!rowId)
        return ToolResult::error(u"lookup failed: "_s + rowId.error().toString());
    if (!*rowId)
        return ToolResult::error(u"run_id: no trajectory for %1 in the cache"_s.arg(key));
    auto detail = loadTrajectoryDetail(m_session->database(), **rowId);
    if (!detail || !*detail)
        return ToolResult::error(u"lookup failed: "_s + (detail ? u"the trajectory was removed"_s : detail.error().toString()));
    const TrajectoryRow &row = (*detail)->row;
    return structured({{u"run_id"_s, row.runId},
                       {u"trajectory_id"_s, row.id},
                       {u"agent_id"_s, row.agentId},
                       {u"status"_s, row.executionStatus},
                       {u"created_at"_s, dateOf(row.createdMs)},
                       {u"summary"_s, clip(row.summary, kSummaryChars * 2)},
                       {u"outcome_score"_s, optionalNumber(row.score)},
                       {u"score_reasoning"_s, clip(row.scoreReasoning, kReasoningChars)},
                       {u"tags"_s, bounded(row.tags)},
                       {u"tools_used"_s, bounded(row.toolsUsed)},
                       {u"turns"_s, turnsText((*detail)->data.value(u"turns"_s).toArray(), kTurnLineChars, kTurnsChars)}});
}

} // namespace lettascope::mcp
