// SPDX-License-Identifier: MIT
#include "openaiprompts.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::openai {

QString systemPrompt(Stage stage)
{
    switch (stage) {
    case Stage::Summary:
        return u"You summarise AI agent execution traces. The summary will be embedded for semantic search, so make it "
               "concise but information-rich and include distinguishing details. Write 2-3 short paragraphs covering: "
               "(a) what the user wanted: intent, themes, specific requests; (b) how the agent approached it: strategy, "
               "key decisions, tools used; (c) what happened: success or failure, quality signals, user feedback. "
               "Answer with a JSON object: {\"summary\": string}."_s;
    case Stage::Score:
        return u"You score AI agent trajectories by their value for continual learning, from 0 to 1. Weighted criteria: "
               "interaction depth 35%, task complexity 30%, tool usage and capabilities 20%, learning value 15%. "
               "Bands: 0.9-1.0 exceptional; 0.7-0.8 good; 0.5-0.6 mediocre (simple or single-turn); 0.3-0.4 poor; "
               "0.0-0.2 failed. Penalise: single-turn trivial completions (at most 0.5), no tool use where tools would "
               "help, copy-paste without reasoning, abandoned or incomplete interactions. Reward multi-turn "
               "collaboration, creative solutions and sophisticated tool orchestration. Reserve scores above 0.7 for "
               "genuinely valuable examples. Answer with a JSON object: {\"score\": number between 0 and 1, "
               "\"reasoning\": 2-3 sentences}."_s;
    case Stage::Labels:
        return u"You label AI agent trajectories. Answer with a JSON object: {\"tags\": 3-7 descriptive labels (for "
               "example creative, analytical, iterative, collaborative, technical, debugging, research, problem_solving, "
               "code_generation, informational), \"task_category\": one value (for example code_generation, debugging, "
               "research, data_analysis, documentation, refactoring, design, testing, content_creation, "
               "information_retrieval), \"complexity_level\": one of trivial, simple, moderate, complex, expert, "
               "\"metadata\": {\"interaction_style\": exploratory|directive|collaborative|iterative, "
               "\"tool_orchestration\": single_tool|coordinated_tools|advanced_workflow, \"problem_solving_approach\": "
               "string, \"key_capabilities_demonstrated\": [string], plus any other pattern you notice}}."_s;
    case Stage::Decisions:
        return u"You review the tool calls of an AI agent trajectory. For each numbered call give a one-sentence "
               "result_summary of what the call achieved and, when it failed, an error_type from Timeout, "
               "ValidationError, PermissionError, NotFoundError, Error. Do not invent calls. Answer with a JSON "
               "object: {\"decisions\": [{\"index\": number, \"result_summary\": string, \"error_type\": string or "
               "null}]}."_s;
    case Stage::Embedding:
        break;
    }
    return {};
}

QString userPrompt(Stage stage, const QJsonObject &data, const TrajectoryDigest &digest, int maxChars)
{
    QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (json.size() > maxChars)
        json = json.left(maxChars) + u"\n[trajectory cut at %1 of %2 characters]"_s.arg(maxChars).arg(json.size());
    QString prompt = u"Trajectory:\n"_s + json;
    if (stage == Stage::Score) {
        prompt += u"\n\nTurns: %1\nTool calls: %2\nMessages: %3"_s.arg(digest.turnCount).arg(digest.toolCalls.size())
                      .arg(digest.messageCount);
    } else if (stage == Stage::Decisions) {
        prompt += u"\n\nTool calls:"_s;
        for (qsizetype i = 0; i < digest.toolCalls.size(); ++i) {
            const ToolCallFact &call = digest.toolCalls[i];
            const QString status = call.success ? (*call.success ? u"success"_s : u"error"_s) : u"no return"_s;
            prompt += u"\n%1. %2(%3) -> %4: %5"_s.arg(i).arg(call.name, clip(call.arguments, 300), status, clip(call.result, 300));
        }
    }
    return prompt;
}

QJsonObject chatRequest(const QString &model, double temperature, int maxTokens, const QString &system,
                        const QString &user)
{
    return {{u"model"_s, model},
            {u"temperature"_s, temperature},
            {u"max_tokens"_s, maxTokens},
            {u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}}},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, system}},
                                       QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, user}}}}};
}

int maxTokensFor(Stage stage)
{
    switch (stage) {
    case Stage::Summary: return 700;
    case Stage::Score: return 300;
    case Stage::Labels: return 500;
    case Stage::Decisions: return 1500;
    case Stage::Embedding: break;
    }
    return 500;
}

} // namespace lettascope::trajectories::openai
