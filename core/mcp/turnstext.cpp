// SPDX-License-Identifier: MIT
#include "turnstext.h"

#include "trajectories/processing/digest.h"

#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace lettascope::mcp {

namespace {

QStringList messageLines(const QJsonObject &m, qsizetype lineChars)
{
    using trajectories::clip;
    using trajectories::partsText;
    QStringList lines;
    const QString role = m.value(u"role"_s).toString();
    if (role == u"tool") {
        const bool failed = m.value(u"status"_s).toString() == u"error";
        lines << (failed ? u"✗ "_s : u"← "_s) + clip(partsText(m, u"text"), lineChars);
        return lines;
    }
    if (const QString reasoning = partsText(m, u"reasoning"); !reasoning.isEmpty())
        lines << u"reasoning: "_s + clip(reasoning, lineChars);
    if (const QString text = partsText(m, u"text"); !text.isEmpty())
        lines << role + u": "_s + clip(text, lineChars);
    for (const auto &c : m.value(u"tool_calls"_s).toArray()) {
        const QJsonObject function = c.toObject().value(u"function"_s).toObject();
        lines << u"→ %1(%2)"_s.arg(function.value(u"name"_s).toString(),
                                   clip(function.value(u"arguments"_s).toString(), lineChars));
    }
    return lines;
}

} // namespace

QString turnsText(const QJsonArray &turns, qsizetype lineChars, qsizetype totalChars)
{
    QString out;
    for (qsizetype t = 0; t < turns.size(); ++t) {
        QString turn = u"Turn %1\n"_s.arg(t + 1);
        for (const auto &value : turns[t].toObject().value(u"messages"_s).toArray()) {
            if (const QStringList lines = messageLines(value.toObject(), lineChars); !lines.isEmpty())
                turn += lines.join(u'\n') + u'\n';
        }
        if (out.size() + turn.size() > totalChars) {
            out += u"… %1 more turn(s) not shown (size limit)\n"_s.arg(turns.size() - t);
            break;
        }
        out += turn;
    }
    return out.trimmed();
}

} // namespace lettascope::mcp
