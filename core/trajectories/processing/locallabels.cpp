// SPDX-License-Identifier: MIT
#include "localstages.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::local {

namespace {

struct CategoryRule {
    const char16_t *category;
    const char16_t *pattern;    ///< matched against tool names and user text
};

// First match wins; tool names are the strongest signal, so they are listed in the text too.
constexpr CategoryRule kCategoryRules[] = {
    {u"debugging", u"\\b(debug|bug|traceback|stack ?trace|exception|fix(es|ing)?)\\b"},
    {u"code_generation", u"\\b(code|python|javascript|function|script|compile|run_code|execute)\\b"},
    {u"data_analysis", u"\\b(analy[sz]e|analysis|csv|dataset|chart|statistics|sql|query)\\b"},
    {u"information_retrieval", u"\\b(search|web|lookup|fetch|find|weather|news|browse)\\w*"},
    {u"memory_management", u"\\b(memory|archival|remember|recall|core_memory)\\w*"},
    {u"content_creation", u"\\b(write|story|poem|draft|blog|essay|email)\\w*"},
    {u"documentation", u"\\b(document|docs?|readme|explain)\\w*"},
    {u"testing", u"\\b(tests?|testing|assert)\\b"},
    {u"scheduling", u"\\b(schedule|calendar|meeting|remind)\\w*"},
};

QString categoryFor(const TrajectoryDigest &d)
{
    // Compiled once (thread-safe static init); matching a const QRegularExpression is thread-safe.
    static const QList<std::pair<QString, QRegularExpression>> rules = [] {
        QList<std::pair<QString, QRegularExpression>> list;
        for (const CategoryRule &rule : kCategoryRules)
            list.append({QString::fromUtf16(rule.category), QRegularExpression(QString::fromUtf16(rule.pattern))});
        return list;
    }();
    const QString haystack = (d.toolsUsed.join(u' ') + u' ' + d.userTexts.join(u' ').left(2000)).toLower();
    for (const auto &[category, re] : rules) {
        if (re.match(haystack).hasMatch())
            return category;
    }
    return d.toolCalls.isEmpty() ? u"conversation"_s : u"general"_s;
}

QString complexityFor(const TrajectoryDigest &d, int distinctTools)
{
    if (d.turnCount >= 20 && distinctTools >= 4)
        return u"expert"_s;
    if (d.turnCount >= 10 || distinctTools >= 4)
        return u"complex"_s;
    if (d.turnCount <= 1 && d.toolCalls.isEmpty() && d.totalTokens < 500)
        return u"trivial"_s;
    if (d.turnCount <= 2)
        return u"simple"_s;
    return u"moderate"_s;
}

QString orchestrationFor(int calls, int distinctTools)
{
    if (calls == 0)
        return u"none"_s;
    if (distinctTools <= 1)
        return u"single_tool"_s;
    return distinctTools >= 4 ? u"advanced_workflow"_s : u"coordinated_tools"_s;
}

} // namespace

Labels labels(const TrajectoryDigest &d)
{
    const int distinctTools = int(QSet<QString>(d.toolsUsed.begin(), d.toolsUsed.end()).size());
    const int calls = int(d.toolCalls.size());
    // In priority order: the rarest, most telling signals first, so the 7-tag cap drops the generic ones.
    QStringList tags;
    auto tag = [&tags](bool when, const QString &name) {
        if (when)
            tags << name;
    };
    tag(d.recoveredAfterError, u"recovered_after_error"_s);
    tag(d.toolErrors > 0, u"tool_error"_s);
    tag(d.approvalsDenied > 0, u"approval_denied"_s);
    tag(d.runStatus == u"cancelled", u"cancelled"_s);
    tag(d.runStatus == u"failed", u"run_failed"_s);
    tag(d.stopReason == u"max_tokens", u"max_tokens"_s);
    tag(d.models.size() > 1, u"multi_model"_s);
    tag(d.totalTokens >= 20'000, u"high_token_usage"_s);
    tag(d.turnCount >= 10 || d.userMessages >= 5, u"long_conversation"_s);
    tag(d.turnCount <= 2 && d.messageCount <= 6, u"quick_task"_s);
    tag(d.approvalsRequested > 0 && d.approvalsDenied == 0, u"approval_requested"_s);
    tag(distinctTools >= 3, u"multi_tool"_s);
    tag(d.reasoningParts > 0, u"reasoning"_s);
    tag(calls > 0, u"tool_usage"_s);
    tag(calls == 0, u"no_tools"_s);
    tag(d.executionStatus == u"completed" && d.toolErrors == 0, u"clean_completion"_s);
    tags.removeDuplicates();
    if (tags.size() < 3)
        tags << (d.userMessages > 1 ? u"multi_turn"_s : u"single_request"_s);
    if (tags.size() < 3)
        tags << u"execution_"_s + (d.executionStatus.isEmpty() ? u"unknown"_s : d.executionStatus);
    tags = tags.mid(0, 7);

    Labels out;
    out.tags = tags;
    out.category = categoryFor(d);
    out.complexity = complexityFor(d, distinctTools);
    const QString style = d.userMessages >= 4 ? u"iterative"_s : d.userMessages >= 2 ? u"collaborative"_s : u"directive"_s;
    out.metadata = {{u"interaction_style"_s, style},
                    {u"tool_orchestration"_s, orchestrationFor(calls, distinctTools)},
                    {u"problem_solving_approach"_s, d.recoveredAfterError ? u"trial and error with recovery"_s
                                                    : calls > 0             ? u"tool-assisted"_s
                                                                            : u"direct answer"_s},
                    {u"key_capabilities_demonstrated"_s, QJsonArray::fromStringList(d.toolsUsed)},
                    {u"turns_count"_s, d.turnCount},
                    {u"tool_calls"_s, calls},
                    {u"tool_errors"_s, d.toolErrors},
                    {u"rule_based"_s, true}};
    return out;
}

} // namespace lettascope::trajectories::local
