// SPDX-License-Identifier: MIT
#include "agentdetailtext.h"

#include "ui/common/format.h"
#include "ui/runs/timelinetext.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::ui::agents {

namespace {
QString section(const QString &title, const QString &body)
{
    return u"━━ "_s + title + u"\n"_s + (body.isEmpty() ? u"(none)"_s : body) + u"\n\n"_s;
}
QString json(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}
} // namespace

QString agentDetailText(const Agent &agent, const QList<Message> &recentMessages)
{
    QString text = agent.name + u"\n"_s + agent.id + u"\n"_s;
    text += u"Model %1 · type %2 · created %3 · tags %4\n\n"_s.arg(agent.model, agent.agentType, format::time(agent.createdMs),
                                                                    agent.tags.isEmpty() ? u"—"_s : agent.tags.join(u", "_s));
    text += section(u"Description"_s, agent.description);
    text += section(u"System prompt"_s, agent.system);
    QStringList blocks;
    for (const MemoryBlock &block : agent.blocks) {
        const QString limit = block.limit ? u" (%1/%2 chars)"_s.arg(block.value.size()).arg(*block.limit) : QString();
        blocks << u"[%1]%2\n%3"_s.arg(block.label, limit, block.value);
    }
    text += section(u"Memory blocks (%1)"_s.arg(agent.blocks.size()), blocks.join(u"\n\n"_s));
    QStringList tools;
    for (const ToolRef &tool : agent.tools)
        tools << u"%1 (%2) — %3"_s.arg(tool.name, tool.toolType, tool.description.simplified().left(160));
    text += section(u"Tools (%1)"_s.arg(agent.tools.size()), tools.join(u'\n'));
    text += section(u"LLM config"_s, json(agent.llmConfig));
    text += section(u"Embedding config"_s, json(agent.embeddingConfig));
    text += section(u"Identities"_s, agent.identityIds.join(u", "_s));
    QStringList messages;
    for (const Message &m : recentMessages)
        messages << u"%1  %2  %3"_s.arg(format::time(m.dateMs), messageKindLabel(m.kind), runs::messageSummary(m, 200));
    text += section(u"Recent messages (%1)"_s.arg(recentMessages.size()), messages.join(u'\n'));
    return text;
}

} // namespace lettascope::ui::agents
