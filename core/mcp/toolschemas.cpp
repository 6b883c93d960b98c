// SPDX-License-Identifier: MIT
#include "toolschemas.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lettascope::mcp {

namespace {

QJsonObject type(const QString &name, const QString &description = {})
{
    QJsonObject schema{{u"type"_s, name}};
    if (!description.isEmpty())
        schema.insert(u"description"_s, description);
    return schema;
}

QJsonObject nullable(const QString &name)
{
    return {{u"type"_s, QJsonArray{name, u"null"_s}}};
}

QJsonObject ranged(const QString &name, double min, double max, double fallback, const QString &description)
{
    QJsonObject schema = type(name, description);
    schema.insert(u"minimum"_s, min);
    schema.insert(u"maximum"_s, max);
    schema.insert(u"default"_s, fallback);
    return schema;
}

QJsonObject object(const QJsonObject &properties, const QStringList &required, bool closed)
{
    QJsonObject schema{{u"type"_s, u"object"_s}, {u"properties"_s, properties}};
    if (!required.isEmpty())
        schema.insert(u"required"_s, QJsonArray::fromStringList(required));
    if (closed)
        schema.insert(u"additionalProperties"_s, false);
    return schema;
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{u"type"_s, u"array"_s}, {u"items"_s, items}};
}

QJsonObject scopeProperties()
{
    return {{u"agent_id"_s, type(u"string"_s, u"Only this agent's history."_s)},
            {u"scope"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"enum"_s, QJsonArray{u"agent"_s, u"all"_s}},
                                     {u"description"_s, u"\"agent\": the calling agent's own history (the default "
                                                        "when the client says which agent calls); \"all\": every "
                                                        "agent's."_s}}}};
}

QJsonObject trajectoryItem()
{
    const QJsonObject details = object({{u"status"_s, type(u"string"_s)},
                                        {u"tools_used"_s, arrayOf(type(u"string"_s))},
                                        {u"step_count"_s, type(u"integer"_s)}}, {}, false);
    return object({{u"run_id"_s, type(u"string"_s)},
                   {u"trajectory_id"_s, type(u"string"_s)},
                   {u"agent_id"_s, type(u"string"_s)},
                   {u"similarity"_s, type(u"number"_s, u"How well it matches the query, 0..1."_s)},
                   {u"outcome_score"_s, nullable(u"number"_s)},
                   {u"summary"_s, type(u"string"_s)},
                   {u"details"_s, details},
                   {u"created_at"_s, nullable(u"string"_s)}},
                  {u"run_id"_s, u"trajectory_id"_s, u"similarity"_s, u"outcome_score"_s, u"summary"_s}, false);
}

QJsonObject tool(const QString &name, const QString &title, const QString &description, const QJsonObject &input,
                 const QJsonObject &output)
{
    return {{u"name"_s, name}, {u"title"_s, title}, {u"description"_s, description},
            {u"inputSchema"_s, input}, {u"outputSchema"_s, output},
            {u"annotations"_s, QJsonObject{{u"readOnlyHint"_s, true}, {u"openWorldHint"_s, false}}}};
}

QJsonObject searchTrajectories()
{
    QJsonObject input = scopeProperties();
    input.insert(u"query"_s, type(u"string"_s, u"What you are about to do, or the problem you face."_s));
    input.insert(u"min_score"_s, ranged(u"number"_s, 0, 1, 0.5, u"Only runs scored at least this well "
                                                                 "(ignored with include_contrasts)."_s));
    input.insert(u"limit"_s, ranged(u"integer"_s, 1, 10, 3, u"Results, per tier with include_contrasts."_s));
    input.insert(u"include_contrasts"_s, type(u"boolean"_s, u"Group matches into successes (score >= 0.7), "
                                                            "moderate and failures (<= 0.3)."_s));
    const QJsonObject items = arrayOf(trajectoryItem());
    return tool(u"search_trajectories"_s, u"Search past runs"_s,
                u"Find past runs similar to a task, with how they went: learn from successes and failures "
                "before acting."_s,
                object(input, {u"query"_s}, true),
                object({{u"message"_s, type(u"string"_s)}, {u"results"_s, items}, {u"successes"_s, items},
                        {u"moderate"_s, items}, {u"failures"_s, items}}, {u"message"_s}, false));
}

QJsonObject searchDecisions()
{
    QJsonObject input = scopeProperties();
    input.insert(u"query"_s, type(u"string"_s, u"Words the tool call's name, arguments or result mention."_s));
    input.insert(u"action"_s, type(u"string"_s, u"Only calls of this tool."_s));
    input.insert(u"success_only"_s, type(u"boolean"_s, u"true: only calls that succeeded; false: only failures; "
                                                       "leave out for both."_s));
    input.insert(u"limit"_s, ranged(u"integer"_s, 1, 20, 5, u"Results."_s));
    const QJsonObject item = object({{u"action"_s, type(u"string"_s)},
                                     {u"arguments_summary"_s, type(u"string"_s)},
                                     {u"success"_s, nullable(u"boolean"_s)},
                                     {u"error_type"_s, nullable(u"string"_s)},
                                     {u"result_summary"_s, type(u"string"_s)},
                                     {u"turn_index"_s, type(u"integer"_s)},
                                     {u"run_id"_s, type(u"string"_s)},
                                     {u"trajectory_id"_s, type(u"string"_s)},
                                     {u"agent_id"_s, type(u"string"_s)},
                                     {u"similarity"_s, type(u"number"_s)},
                                     {u"created_at"_s, nullable(u"string"_s)}},
                                    {u"action"_s, u"success"_s, u"run_id"_s, u"similarity"_s}, false);
    return tool(u"search_decisions"_s, u"Search past tool calls"_s,
                u"Find single tool calls from past runs (which tool, with what, and whether it worked)."_s,
                object(input, {u"query"_s}, true),
                object({{u"message"_s, type(u"string"_s)}, {u"results"_s, arrayOf(item)}},
                       {u"message"_s, u"results"_s}, false));
}

QJsonObject getTrajectory()
{
    const QJsonObject output = object({{u"run_id"_s, type(u"string"_s)},
                                       {u"trajectory_id"_s, type(u"string"_s)},
                                       {u"agent_id"_s, type(u"string"_s)},
                                       {u"status"_s, type(u"string"_s)},
                                       {u"created_at"_s, nullable(u"string"_s)},
                                       {u"summary"_s, type(u"string"_s)},
                                       {u"outcome_score"_s, nullable(u"number"_s)},
                                       {u"score_reasoning"_s, type(u"string"_s)},
                                       {u"tags"_s, arrayOf(type(u"string"_s))},
                                       {u"tools_used"_s, arrayOf(type(u"string"_s))},
                                       {u"turns"_s, type(u"string"_s, u"The run's messages, one per line."_s)}},
                                      {u"run_id"_s, u"summary"_s, u"turns"_s}, false);
    return tool(u"get_trajectory"_s, u"Read a past run"_s,
                u"One past run in full: summary, score and why, tags, and its turns as compact text."_s,
                object({{u"run_id"_s, type(u"string"_s, u"A run id (or trajectory id) from a search result."_s)}},
                       {u"run_id"_s}, true),
                output);
}

} // namespace

QJsonArray toolDescriptors()
{
    return {searchTrajectories(), searchDecisions(), getTrajectory()};
}

} // namespace lettascope::mcp
