// SPDX-License-Identifier: MIT
#include "converter.h"

#include "common/timestamps.h"
#include "messagedicts.h"
#include "outcome.h"

#include <QHash>
#include <QJsonArray>

#include <set>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(formatTimestampMs(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonObject turnFor(const QString &stepId, const Step *step)
{
    QJsonObject turn{{u"step_id"_s, orNull(stepId)}};
    turn.insert(u"model"_s, step ? orNull(step->model) : QJsonValue(QJsonValue::Null));
    turn.insert(u"input_tokens"_s, step ? orNull(step->promptTokens) : QJsonValue(QJsonValue::Null));
    turn.insert(u"output_tokens"_s, step ? orNull(step->completionTokens) : QJsonValue(QJsonValue::Null));
    turn.insert(u"stop_reason"_s, step ? orNull(step->stopReason) : QJsonValue(QJsonValue::Null));
    return turn;
}

// Turn layout: one slot per step in step order; messages that belong to no known step form extra
// turns placed after the step turn of the last step-bound message seen before them.
QJsonArray groupTurns(const QList<Step> &steps, const QList<MessageDict> &messages)
{
    QHash<QString, qsizetype> stepIndex;
    for (qsizetype i = 0; i < steps.size(); ++i)
        stepIndex.insert(steps[i].id, i);

    struct Extra {
        QString stepId;
        QJsonArray messages;
    };
    QList<QJsonArray> stepMessages(steps.size());
    // extras[k]: turns to place after step k-1 (k = 0: before every step)
    QList<QList<Extra>> extras(steps.size() + 1);
    qsizetype lastStep = -1;
    for (const MessageDict &m : messages) {
        const auto it = stepIndex.constFind(m.stepId);
        if (!m.stepId.isEmpty() && it != stepIndex.constEnd()) {
            lastStep = *it;
            stepMessages[*it].append(m.dict);
            continue;
        }
        QList<Extra> &slot = extras[lastStep + 1];
        // Consecutive messages of the same unknown step (or of no step) share one turn.
        if (slot.isEmpty() || slot.last().stepId != m.stepId)
            slot.append(Extra{m.stepId, {}});
        slot.last().messages.append(m.dict);
    }

    QJsonArray turns;
    auto appendExtras = [&turns](const QList<Extra> &list) {
        for (const Extra &extra : list) {
            QJsonObject turn = turnFor(extra.stepId, nullptr);
            turn.insert(u"messages"_s, extra.messages);
            turns.append(turn);
        }
    };
    appendExtras(extras[0]);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QJsonObject turn = turnFor(steps[i].id, &steps[i]);
        turn.insert(u"messages"_s, stepMessages[i]);
        turns.append(turn);
        appendExtras(extras[i + 1]);
    }
    return turns;
}

QJsonObject metadataFor(const Run &run, const QList<Step> &steps, const QList<MessageDict> &messages)
{
    std::set<QString> tools;
    for (const MessageDict &m : messages) {
        for (const auto &call : m.dict.value(u"tool_calls"_s).toArray()) {
            const QString name = call.toObject().value(u"function"_s).toObject().value(u"name"_s).toString();
            if (!name.isEmpty())
                tools.insert(name);
        }
    }
    qint64 input = 0;
    qint64 output = 0;
    QStringList models;
    for (const Step &step : steps) {
        input += step.promptTokens.value_or(0);
        output += step.completionTokens.value_or(0);
        if (!step.model.isEmpty() && !models.contains(step.model))
            models << step.model;
    }
    QJsonValue duration(QJsonValue::Null);
    if (run.createdMs && run.completedMs)
        duration = double((*run.completedMs - *run.createdMs) * 1'000'000);
    return {{u"start_time"_s, timeOrNull(run.createdMs)},
            {u"end_time"_s, timeOrNull(run.completedMs)},
            {u"duration_ns"_s, duration},
            {u"status"_s, runStatusToString(run.status)},
            {u"stop_reason"_s, orNull(run.stopReason)},
            {u"step_count"_s, double(steps.size())},
            {u"message_count"_s, double(messages.size())},
            {u"tools_used"_s, QJsonArray::fromStringList(QStringList(tools.begin(), tools.end()))},
            {u"input_tokens"_s, double(input)},
            {u"output_tokens"_s, double(output)},
            {u"total_tokens"_s, double(input + output)},
            {u"models"_s, QJsonArray::fromStringList(models)},
            {u"run_type"_s, orNull(run.runType)},
            {u"error"_s, orNull(run.errorText)}};
}

} // namespace

QJsonObject convertRun(const Run &run, const QList<Step> &steps, const QList<Message> &messages)
{
    const QList<MessageDict> dicts = toMessageDicts(messages);
    return {{u"run_id"_s, run.id},
            {u"metadata"_s, metadataFor(run, steps, dicts)},
            {u"turns"_s, groupTurns(steps, dicts)},
            {u"outcome"_s, determineOutcome(run, dicts)}};
}

} // namespace lettascope::trajectories
