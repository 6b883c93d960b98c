// SPDX-License-Identifier: MIT
#include "messageids.h"

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

ConversationRef ConversationRef::of(const QString &agentId, const QString &conversationId)
{
    ConversationRef ref{agentId, conversationId, conversationId};
    if (ref.isDefault())
        ref.key = u"default:"_s + agentId;
    return ref;
}

bool ConversationRef::isDefault() const
{
    return conversationId.isEmpty() || conversationId == u"default";
}

QString runKey(const QString &conversationKey, const QString &turnKey, int position)
{
    return conversationKey + u'/' + turnKey + u'/' + QString::number(position);
}

QString fallbackRunKey(const QString &conversationKey, const QString &serverRunId, const QString &epoch)
{
    return conversationKey + u'/' + serverRunId + u'@' + epoch;
}

QString stepKey(const QString &runKey, int position)
{
    return runKey + u"/step/"_s + QString::number(position);
}

QString toolMessageId(const QString &conversationKey, const QString &toolCallId, QStringView role)
{
    return conversationKey + u"/tool/"_s + toolCallId + u'/' + role;
}

QString storedMessageIdOf(const QString &entryId)
{
    const qsizetype tool = entryId.indexOf(u":tool:");
    return tool < 0 ? entryId : entryId.left(tool);
}

} // namespace lettascope::appserver
