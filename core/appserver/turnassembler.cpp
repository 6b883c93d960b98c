// SPDX-License-Identifier: MIT
#include "turnassembler.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {

struct RunDraft {
    QString turnKey;
    int position = 1;
    QList<qsizetype> entries;
    QStringList llmCalls;
    QString lastCall;
    bool lastCallRequestedTools = false;
    bool answered = false;
    bool retriedAfter = false;
    QStringList clientMessageIds;
};

QString turnKeyOf(const Message &message)
{
    return message.otid.isEmpty() ? message.id : message.otid;
}

class Assembler
{
public:
    Assembler(const ConversationRef &conversation, const QList<HistoryEntry> &entries, const AssemblyOptions &options)
        : m_conversation(conversation), m_entries(entries), m_options(options)
    {
    }

    AssembledHistory run()
    {
        for (qsizetype i = 0; i < m_entries.size(); ++i)
            place(i);
        AssembledHistory out;
        out.lastTurnStartId = m_turnStartId;
        for (const RunDraft &draft : std::as_const(m_drafts))
            build(draft, out);
        return out;
    }

private:
    void startTurn(const Message &message)
    {
        m_turnKey = turnKeyOf(message);
        m_turnStartId = message.id;
        m_drafts.append(RunDraft{m_turnKey, 1});
    }
    void nextRunOfTurn() { m_drafts.append(RunDraft{m_turnKey, m_drafts.last().position + 1}); }

    void place(qsizetype index)
    {
        const Message &message = m_entries[index].message;
        const Message *previous = index > 0 ? &m_entries[index - 1].message : nullptr;
        if (message.kind == MessageKind::User) {
            const bool afterUnansweredUser = previous && previous->kind == MessageKind::User && !m_drafts.isEmpty()
                && !m_drafts.last().answered;
            if (!afterUnansweredUser) {
                startTurn(message);
            } else if (message.text == previous->text) {
                m_drafts.last().retriedAfter = true;
                nextRunOfTurn();
            } // else: queued while the run was starting; the server batched it into the same run
            if (!message.otid.isEmpty())
                m_drafts.last().clientMessageIds.append(message.otid);
            m_drafts.last().entries.append(index);
            return;
        }
        if (m_drafts.isEmpty())
            startTurn(message); // a history that starts without a user message
        if (isLlmOutput(message)) {
            const QString call = m_entries[index].llmCallId.isEmpty() ? message.id : m_entries[index].llmCallId;
            RunDraft *draft = &m_drafts.last();
            if (m_options.splitRunsAfterToolCalls && draft->lastCallRequestedTools && call != draft->lastCall) {
                nextRunOfTurn();
                draft = &m_drafts.last();
            }
            if (!draft->llmCalls.contains(call)) {
                draft->llmCalls.append(call);
                draft->lastCallRequestedTools = false;
            }
            draft->lastCall = call;
            draft->lastCallRequestedTools = draft->lastCallRequestedTools || !message.toolCalls.isEmpty();
            draft->answered = true;
        }
        m_drafts.last().entries.append(index);
    }

    Step stepFor(const RunDraft &draft, const Run &run, qsizetype position) const
    {
        const QString call = draft.llmCalls[position];
        Step step;
        for (qsizetype index : draft.entries) {
            if (m_entries[index].llmCallId == call && m_entries[index].callStep) {
                step = *m_entries[index].callStep;
                break;
            }
        }
        if (step.raw.isEmpty())
            step.raw = QJsonObject{{u"llm_call_id"_s, call}};
        step.id = stepKey(run.id, int(position) + 1);
        step.runId = run.id;
        step.agentId = run.agentId;
        step.ordinal = int(position);
        step.reconstructed = true;
        return step;
    }

    void build(const RunDraft &draft, AssembledHistory &out) const
    {
        Run run;
        run.id = runKey(m_conversation.key, draft.turnKey, draft.position);
        run.agentId = m_conversation.agentId;
        run.conversationId = m_conversation.key;
        run.reconstructed = true;
        const Message &first = m_entries[draft.entries.first()].message;
        const Message &last = m_entries[draft.entries.last()].message;
        run.createdMs = first.dateMs;
        if (draft.answered) {
            run.status = RunStatus::Completed;
            run.completedMs = last.dateMs;
        } else {
            run.status = draft.retriedAfter ? RunStatus::Failed : RunStatus::Unknown;
        }
        run.raw = QJsonObject{{u"source"_s, u"history"_s}, {u"turn_key"_s, draft.turnKey}, {u"position"_s, draft.position},
                              {u"first_message_id"_s, first.id},
                              {u"client_message_ids"_s, QJsonArray::fromStringList(draft.clientMessageIds)}};

        QHash<QString, QString> stepOfCall;
        QHash<QString, QString> stepOfToolCall;
        for (qsizetype i = 0; i < draft.llmCalls.size(); ++i) {
            Step step = stepFor(draft, run, i);
            stepOfCall.insert(draft.llmCalls[i], step.id);
            out.steps.append(std::move(step));
        }
        qint64 sequence = 0;
        for (qsizetype index : draft.entries) {
            Message message = m_entries[index].message;
            message.runId = run.id;
            message.sequence = sequence++;
            if (isLlmOutput(message)) {
                message.stepId = stepOfCall.value(m_entries[index].llmCallId.isEmpty() ? message.id : m_entries[index].llmCallId);
                for (const ToolCall &call : std::as_const(message.toolCalls))
                    stepOfToolCall.insert(call.id, message.stepId);
            } else if (message.kind == MessageKind::ToolReturn && !message.toolReturns.isEmpty()) {
                message.stepId = stepOfToolCall.value(message.toolReturns.first().toolCallId);
            }
            out.messages.append(std::move(message));
        }
        out.runs.append(std::move(run));
    }

    const ConversationRef &m_conversation;
    const QList<HistoryEntry> &m_entries;
    const AssemblyOptions &m_options;
    QList<RunDraft> m_drafts;
    QString m_turnKey;
    QString m_turnStartId;
};

} // namespace

AssembledHistory assembleHistory(const ConversationRef &conversation, const QList<HistoryEntry> &entries,
                                 const AssemblyOptions &options)
{
    return Assembler(conversation, entries, options).run();
}

AssembledHistory assembleListing(const ConversationRef &conversation, const QJsonArray &newestFirst,
                                 const QString &startId, qint64 *skipped)
{
    QList<HistoryEntry> entries = entriesFromHistory(newestFirst, true, conversation, skipped);
    const auto start = std::find_if(entries.cbegin(), entries.cend(),
                                    [&startId](const HistoryEntry &e) { return e.message.id == startId; });
    if (start != entries.cend())
        entries.erase(entries.cbegin(), start);
    return assembleHistory(conversation, entries);
}

} // namespace lettascope::appserver
