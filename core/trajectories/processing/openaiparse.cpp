// SPDX-License-Identifier: MIT
#include "openaiparse.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::openai {

namespace {

Error malformed(const QString &what, const QString &got)
{
    QString sample = got.simplified();
    if (sample.size() > 120)
        sample = sample.left(119) + u'…';
    return Error{ErrorKind::BadPayload, u"malformed model output: %1 (got: %2)"_s.arg(what, sample.isEmpty() ? u"nothing"_s : sample)};
}

QJsonObject parseObject(const QByteArray &text, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

QString contentText(const QJsonObject &response)
{
    const QJsonValue content = response.value(u"choices"_s).toArray().at(0).toObject().value(u"message"_s).toObject().value(u"content"_s);
    return content.toString();
}

// Some local models wrap JSON mode output in a Markdown fence anyway.
QString stripFence(QString text)
{
    text = text.trimmed();
    if (text.startsWith(u"```")) {
        text = text.section(u'\n', 1);
        if (const qsizetype end = text.lastIndexOf(u"```"); end >= 0)
            text.truncate(end);
    }
    return text.trimmed();
}

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    bool ok = false;
    const double parsed = value.toString().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(parsed) : std::nullopt;
}

} // namespace

Result<QJsonObject> chatContent(const QByteArray &body)
{
    bool ok = false;
    const QJsonObject response = parseObject(body, &ok);
    if (!ok)
        return malformed(u"the response is not a JSON object"_s, QString::fromUtf8(body));
    const QString content = stripFence(contentText(response));
    if (content.isEmpty())
        return malformed(u"no choices[0].message.content"_s, QString::fromUtf8(body));
    const QJsonObject answer = parseObject(content.toUtf8(), &ok);
    if (!ok)
        return malformed(u"the message content is not a JSON object"_s, content);
    return answer;
}

Result<QString> parseSummary(const QJsonObject &answer)
{
    const QString summary = answer.value(u"summary"_s).toString().trimmed();
    if (summary.isEmpty())
        return malformed(u"expected {\"summary\": string}"_s, QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    return summary;
}

Result<std::pair<double, QString>> parseScore(const QJsonObject &answer)
{
    const auto score = number(answer.value(u"score"_s));
    if (!score || !std::isfinite(*score))
        return malformed(u"expected {\"score\": number, \"reasoning\": string}"_s,
                         QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    QString reasoning = answer.value(u"reasoning"_s).toString().trimmed();
    if (reasoning.isEmpty())
        reasoning = u"No reasoning provided"_s;
    return std::pair{std::round(std::clamp(*score, 0.0, 1.0) * 100.0) / 100.0, reasoning};
}

Result<Labels> parseLabels(const QJsonObject &answer)
{
    const QJsonValue tagsValue = answer.value(u"tags"_s);
    if (!tagsValue.isArray())
        return malformed(u"expected {\"tags\": [string], …}"_s, QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    Labels labels;
    for (const auto &tag : tagsValue.toArray()) {
        const QString text = tag.toString().trimmed().toLower().replace(u' ', u'_');
        if (!text.isEmpty() && !labels.tags.contains(text))
            labels.tags << text;
    }
    if (labels.tags.isEmpty())
        return malformed(u"no usable tags"_s, QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    labels.tags = labels.tags.mid(0, 7);
    labels.category = answer.value(u"task_category"_s).toString().trimmed();
    if (labels.category.isEmpty())
        labels.category = u"unknown"_s;
    static const QStringList levels{u"trivial"_s, u"simple"_s, u"moderate"_s, u"complex"_s, u"expert"_s};
    labels.complexity = answer.value(u"complexity_level"_s).toString().trimmed().toLower();
    if (!levels.contains(labels.complexity))
        labels.complexity = u"moderate"_s;
    labels.metadata = answer.value(u"metadata"_s).toObject();
    return labels;
}

Result<QList<Decision>> mergeDecisions(const QJsonObject &answer, QList<Decision> decisions)
{
    const QJsonValue list = answer.value(u"decisions"_s);
    if (!list.isArray())
        return malformed(u"expected {\"decisions\": [...]}"_s, QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    for (const auto &item : list.toArray()) {
        const QJsonObject d = item.toObject();
        const auto index = number(d.value(u"index"_s));
        if (!index || *index < 0 || *index >= decisions.size())
            continue; // an invented or misnumbered call is ignored, never trusted
        Decision &target = decisions[qsizetype(*index)];
        if (const QString summary = d.value(u"result_summary"_s).toString().trimmed(); !summary.isEmpty())
            target.resultSummary = summary.left(400);
        if (target.success == false) {
            if (const QString type = d.value(u"error_type"_s).toString().trimmed(); !type.isEmpty())
                target.errorType = type.left(64);
        }
    }
    return decisions;
}

Result<QList<float>> parseEmbedding(const QByteArray &body)
{
    bool ok = false;
    const QJsonObject response = parseObject(body, &ok);
    const QJsonArray values = response.value(u"data"_s).toArray().at(0).toObject().value(u"embedding"_s).toArray();
    if (!ok || values.isEmpty())
        return malformed(u"expected {\"data\": [{\"embedding\": [numbers]}]}"_s, QString::fromUtf8(body));
    QList<float> vector;
    vector.reserve(values.size());
    double norm = 0;
    for (const auto &value : values) {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return malformed(u"the embedding holds a non-number"_s, QString::fromUtf8(body.left(200)));
        vector << float(value.toDouble());
        norm += value.toDouble() * value.toDouble();
    }
    if (norm <= 0)
        return malformed(u"the embedding is all zeros"_s, QString::fromUtf8(body.left(200)));
    const float scale = float(1.0 / std::sqrt(norm));
    for (float &v : vector)
        v *= scale;
    return vector;
}

} // namespace lettascope::trajectories::openai
