// SPDX-License-Identifier: MIT
#include "textflatten.h"

#include "common/jsonread.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
QString joinNonEmpty(const QStringList &parts, QStringView separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(separator);
}
} // namespace

QString contentPartText(const QJsonObject &part)
{
    const QString type = json::str(part, u"type");
    if (type == u"text")
        return json::str(part, u"text");
    if (type == u"reasoning")
        return json::str(part, u"reasoning");
    if (type == u"redacted_reasoning")
        return u"[redacted reasoning]"_s;
    if (type == u"omitted_reasoning")
        return u"[omitted reasoning]"_s;
    if (type == u"summarized_reasoning") {
        QStringList lines;
        for (const QJsonValue &item : json::array(part, u"summary"))
            lines.append(json::str(item.toObject(), u"text"));
        return joinNonEmpty(lines, u"\n");
    }
    if (type == u"image") {
        const QJsonObject source = json::object(part, u"source");
        const QString url = json::str(source, u"url");
        return url.isEmpty() ? u"[image]"_s : u"[image: %1]"_s.arg(url);
    }
    if (type == u"tool_call")
        return u"%1(%2)"_s.arg(json::str(part, u"name"), json::compact(part.value(u"input")));
    if (type == u"tool_return")
        return flattenContent(part.value(u"content"));
    // Unknown part types: take whatever text-like field they have rather than dropping them.
    return json::firstStr(part, {u"text", u"content", u"reasoning", u"message"});
}

QString flattenContent(const QJsonValue &content)
{
    if (content.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : content.toArray())
            parts.append(part.isObject() ? contentPartText(part.toObject()) : json::str(part));
        return joinNonEmpty(parts, u"\n");
    }
    if (content.isObject())
        return contentPartText(content.toObject());
    return json::str(content);
}

} // namespace lettascope::letta
