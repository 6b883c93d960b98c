// SPDX-License-Identifier: MIT
#include "stopwords.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

bool isStopword(const QString &lowerCaseWord)
{
    // Kept short: the embedding's hashing spreads the rest, and its tf is sublinear anyway.
    static const QSet<QString> words{
        u"a"_s, u"an"_s, u"the"_s, u"and"_s, u"or"_s, u"of"_s, u"to"_s, u"in"_s, u"on"_s, u"for"_s, u"with"_s, u"is"_s,
        u"it"_s, u"this"_s, u"that"_s, u"be"_s, u"was"_s, u"are"_s, u"as"_s, u"at"_s, u"by"_s, u"from"_s, u"me"_s,
        u"my"_s, u"i"_s, u"you"_s, u"your"_s, u"we"_s, u"can"_s, u"please"_s, u"s"_s, u"no"_s, u"not"_s};
    return words.contains(lowerCaseWord);
}

} // namespace lettascope::trajectories
