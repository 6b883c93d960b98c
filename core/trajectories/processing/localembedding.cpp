// SPDX-License-Identifier: MIT
#include "localstages.h"

#include "trajectories/stopwords.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::local {

namespace {

// Light suffix stripping so "errors", "erroring" and "error" share a feature.
QString stem(QString word)
{
    for (const QStringView suffix : {QStringView(u"ing"), QStringView(u"ed"), QStringView(u"es"), QStringView(u"s")}) {
        if (word.size() > suffix.size() + 3 && word.endsWith(suffix)) {
            word.chop(suffix.size());
            break;
        }
    }
    return word;
}

quint64 fnv1a(QStringView text, quint64 seed = 1469598103934665603ull)
{
    quint64 h = seed;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    return h;
}

QStringList tokens(const QString &text)
{
    QStringList out;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty() && !isStopword(current))
            out << stem(current);
        current.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            current += c.toLower();
        else
            flush();
    }
    flush();
    return out;
}

} // namespace

QList<float> embed(const QString &text)
{
    QList<double> acc(EmbeddingDim, 0.0);
    QHash<quint64, int> counts;
    const QStringList words = tokens(text);
    // Unigrams count fully, bigrams half: bigrams add phrase sense ("tool error") without drowning words.
    for (qsizetype i = 0; i < words.size(); ++i) {
        counts[fnv1a(words[i])] += 2;
        if (i + 1 < words.size())
            counts[fnv1a(words[i + 1], fnv1a(words[i]) ^ 0x9e3779b97f4a7c15ull)] += 1;
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const quint64 h = it.key();
        const double weight = 1.0 + std::log(double(it.value()));
        const double sign = (h >> 63) ? -1.0 : 1.0;
        acc[qsizetype(h % EmbeddingDim)] += sign * weight;
    }
    double norm = 0;
    for (double v : acc)
        norm += v * v;
    norm = std::sqrt(norm);
    QList<float> vector(EmbeddingDim, 0.0f);
    if (norm > 0) {
        for (int i = 0; i < EmbeddingDim; ++i)
            vector[i] = float(acc[i] / norm);
    }
    return vector;
}

} // namespace lettascope::trajectories::local
