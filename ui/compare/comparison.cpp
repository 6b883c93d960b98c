// SPDX-License-Identifier: MIT
#include "comparison.h"

#include "ui/common/format.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace lettascope::ui::compare {

namespace {
QStringList toolSequence(const runs::RunDetail &detail)
{
    QStringList tools;
    for (const Message &m : detail.messages) {
        if (m.kind == MessageKind::ToolCall || m.kind == MessageKind::ApprovalRequest)
            for (const ToolCall &call : m.toolCalls)
                tools << call.name;
    }
    return tools;
}

QMap<QString, int> kindCounts(const runs::RunDetail &detail)
{
    QMap<QString, int> counts;
    for (const Message &m : detail.messages)
        ++counts[m.kind == MessageKind::Unknown ? m.messageType : messageKindLabel(m.kind)];
    return counts;
}
} // namespace

QList<ComparisonLine> compareRuns(const runs::RunDetail &left, const runs::RunDetail &right)
{
    QList<ComparisonLine> lines;
    const auto add = [&lines](const QString &section, const QString &label, const QString &l, const QString &r) {
        lines << ComparisonLine{section, label, l, r, l != r};
    };
    const auto &a = left.summary;
    const auto &b = right.summary;
    const QString summary = QObject::tr("Summary");
    add(summary, QObject::tr("Run"), a.run.id, b.run.id);
    add(summary, QObject::tr("Agent"), a.agentName, b.agentName);
    add(summary, QObject::tr("Status"), runStatusToString(a.run.status), runStatusToString(b.run.status));
    add(summary, QObject::tr("Stop reason"), a.run.stopReason, b.run.stopReason);
    add(summary, QObject::tr("Duration"), format::durationNs(a.durationNs()), format::durationNs(b.durationNs()));
    add(summary, QObject::tr("Steps"), QString::number(a.stepCount), QString::number(b.stepCount));
    add(summary, QObject::tr("Messages"), QString::number(a.messageCount), QString::number(b.messageCount));
    add(summary, QObject::tr("Total tokens"), format::count(a.totalTokens), format::count(b.totalTokens));
    add(summary, QObject::tr("Prompt tokens"), format::count(a.promptTokens), format::count(b.promptTokens));
    add(summary, QObject::tr("Completion tokens"), format::count(a.completionTokens), format::count(b.completionTokens));
    add(summary, QObject::tr("Tool errors"), QString::number(a.toolErrors), QString::number(b.toolErrors));

    const QStringList toolsA = toolSequence(left), toolsB = toolSequence(right);
    const QString tools = QObject::tr("Tool calls");
    for (int i = 0; i < qMax(toolsA.size(), toolsB.size()); ++i)
        add(tools, QString::number(i + 1), toolsA.value(i), toolsB.value(i));

    const auto countsA = kindCounts(left), countsB = kindCounts(right);
    QStringList kinds = countsA.keys() + countsB.keys();
    kinds.removeDuplicates();
    kinds.sort();
    const QString messages = QObject::tr("Messages by type");
    for (const QString &kind : std::as_const(kinds))
        add(messages, kind, QString::number(countsA.value(kind)), QString::number(countsB.value(kind)));
    return lines;
}

} // namespace lettascope::ui::compare
