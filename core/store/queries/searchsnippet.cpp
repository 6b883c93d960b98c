// SPDX-License-Identifier: MIT
#include "searchsnippet.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

constexpr qsizetype kContextBefore = 60;
constexpr qsizetype kContextAfter = 120;

/// Words as they start in the text (FTS matches tokens, and the last word as a prefix; marking whole
/// words that start with any of them is close enough for a preview).
QRegularExpression wordStarts(const QStringList &words)
{
    QStringList escaped;
    for (const auto &word : words)
        escaped << QRegularExpression::escape(word);
    return QRegularExpression(u"((?<![\\w])(?:"_s + escaped.join(u'|') + u")[\\w]*)"_s,
                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

/// Moves `position` to a space nearby so the window does not start or end mid-word.
qsizetype toWordBoundary(QStringView text, qsizetype position, int direction)
{
    for (int i = 0; i < 20 && position > 0 && position < text.size(); ++i, position += direction) {
        if (text.at(position).isSpace())
            return position;
    }
    return position;
}

} // namespace

QStringList searchWords(const QString &text)
{
    static const QRegularExpression words(u"[\\w][\\w.\\-/]*"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList found;
    for (auto it = words.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    return found;
}

QString searchSnippet(QStringView text, const QStringList &words)
{
    if (words.isEmpty())
        return {};
    const QRegularExpression pattern = wordStarts(words);
    const QRegularExpressionMatch first = pattern.match(text);
    if (!first.hasMatch())
        return {};
    const qsizetype start = toWordBoundary(text, std::max<qsizetype>(0, first.capturedStart() - kContextBefore), 1);
    const qsizetype end = toWordBoundary(text, std::min(text.size(), first.capturedEnd() + kContextAfter), -1);

    QString window = text.sliced(start, end - start).toString().simplified();
    window.replace(pattern, u"[\\1]"_s);
    if (start > 0)
        window.prepend(u'…');
    if (end < text.size())
        window.append(u'…');
    return window;
}

} // namespace lettascope::store
