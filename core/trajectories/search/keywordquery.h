// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/**
 * The keyword side of a search: the words matched as an FTS5 OR-query, and the common words set aside.
 *
 * BM25 is computed for every trajectory a query matches, so its cost grows with the matches: a word
 * found in most of 100,000 trajectories would cost ~100 ms while adding almost nothing to the rank
 * (its inverse document frequency is near zero; FTS5 clamps it to 1e-6 past half the documents). Like
 * a "common terms" query, the most common words are left out until the matches fit a budget; the rarest
 * word always stays, and the words left out are shown with the results.
 */
struct KeywordQuery {
    QStringList words;      ///< matched, lower case
    QStringList ignored;    ///< too common to match, most common last

    /// "a" OR "b" (each word a quoted phrase: punctuation and FTS operators are matched literally);
    /// empty when there are no words.
    QString fts() const;
};

/// The words of what a person typed, lower case, each once, at most `maxWords`; stopwords are left out
/// unless there is nothing else ("to be or not to be").
QStringList queryWords(const QString &text, int maxWords = 16);

/// Matches at most this many documents, summed over the words, before common words are left out.
inline constexpr qint64 KeywordMatchBudget = 20'000;

/// Keeps the rarest words while their document counts add up to at most `budget`, always the rarest
/// one. `documents[i]` counts the trajectories containing `words[i]` (0 when unknown: kept, free).
KeywordQuery pruneCommonWords(const QStringList &words, const QList<qint64> &documents,
                              qint64 budget = KeywordMatchBudget);

/// How many trajectories contain each word, from the FTS5 vocabulary. A word the tokenizer splits or
/// folds differently ("long-running", "café") is not found and counts 0.
Result<QList<qint64>> documentFrequencies(store::Database &db, const QStringList &words);

/// A trajectory the keyword query matched, with its BM25 rank (higher is better).
struct KeywordMatch {
    qint64 rowId = 0;
    double rank = 0;
};

/// Every trajectory matching `fts`, unordered. The summary weighs twice the raw text.
Result<QList<KeywordMatch>> keywordMatches(store::Database &db, const QString &fts);

} // namespace lettascope::trajectories
