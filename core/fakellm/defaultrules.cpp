// SPDX-License-Identifier: MIT
#include "defaultrules.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::fakellm {

namespace {

// letta-code tells the model its working directory in a system reminder; Read wants absolute paths.
QString workingDirectory(const LlmRequest &request)
{
    static const QRegularExpression cwd(u"Current working directory\\**:\\s*(\\S[^\\n]*)"_s);
    for (const QString &text : request.allTexts()) {
        const auto match = cwd.match(text);
        if (match.hasMatch())
            return match.captured(1).trimmed();
    }
    return {};
}

QString readArguments(const LlmRequest &request)
{
    static const QRegularExpression fileName(u"([\\w./-]+\\.\\w+)"_s);
    const auto match = fileName.match(request.lastUserText());
    QString path = match.hasMatch() ? match.captured(1) : u"a.txt"_s;
    const QString cwd = workingDirectory(request);
    if (!path.startsWith(u'/') && !cwd.isEmpty())
        path = cwd + u'/' + path;
    return QString::fromUtf8(QJsonDocument(QJsonObject{{u"file_path"_s, path}}).toJson(QJsonDocument::Compact));
}

bool offersTool(const LlmRequest &request, QStringView name)
{
    for (const QJsonValue &tool : request.json.value(u"tools").toArray()) {
        if (tool.toObject().value(u"function").toObject().value(u"name").toString() == name)
            return true;
    }
    return false;
}

/// A shell call, in the toolset the request offers: letta-code gives some models `exec_command`
/// (the captures) and others the Claude-style `Bash`.
Reply shellCall(const LlmRequest &request, const QString &command, const QString &description)
{
    if (offersTool(request, u"Bash") && !offersTool(request, u"exec_command")) {
        const QJsonObject args{{u"command"_s, command}, {u"description"_s, description}};
        return Reply::toolCall(u"Bash"_s, QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)));
    }
    const QJsonObject args{{u"cmd"_s, command}, {u"description"_s, description}};
    return Reply::toolCall(u"exec_command"_s, QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)));
}

} // namespace

Reply defaultReply(const LlmRequest &request)
{
    switch (request.route) {
    case Route::Models: return Reply::jsonBody(defaultModelList());
    case Route::Embeddings: return Reply::jsonBody(embeddingsFor(request));
    case Route::ChatCompletions: return defaultChatReply(request);
    }
    return Reply::httpError(404);
}

Reply defaultChatReply(const LlmRequest &request)
{
    if (request.lastRole() == u"tool")
        return Reply::text(u"The tool ran. Final answer: 42."_s);
    const QString said = request.lastUserText();
    if (said.contains(u"FAIL_500"))
        return Reply::httpError(500);
    if (said.contains(u"USE_TOOL"))
        return Reply::toolCall(u"Read"_s, readArguments(request));
    if (said.contains(u"USE_BASH"))
        return shellCall(request, u"touch created-by-agent.txt"_s, u"Create a marker file"_s);
    // "RUN_COMMAND: <command>": the agent runs exactly that (how a test makes a real agent use a CLI).
    if (const qsizetype at = said.indexOf(u"RUN_COMMAND:"); at >= 0)
        return shellCall(request, said.mid(at + 12).trimmed(), u"Run the requested command"_s);
    const QString answer = u"Hello from the fake LLM. You said: "_s + said;
    if (request.wantsJson())
        return Reply::text(QString::fromUtf8(QJsonDocument(QJsonObject{{u"reply"_s, answer}}).toJson(QJsonDocument::Compact)));
    return Reply::text(answer);
}

QJsonDocument defaultModelList()
{
    const QJsonObject model{{u"id"_s, kFakeModel.toString()}, {u"object"_s, u"model"_s}, {u"created"_s, 0},
                            {u"owned_by"_s, u"lettascope-fake-llm"_s}};
    return QJsonDocument(QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, QJsonArray{model}}});
}

QList<double> fakeEmbedding(const QString &text, int dimensions)
{
    dimensions = qMax(1, dimensions);
    QList<double> vector(dimensions, 0.0);
    static const QRegularExpression separators(u"[^\\w]+"_s);
    const QStringList words = text.toLower().split(separators, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QByteArray hash = QCryptographicHash::hash(word.toUtf8(), QCryptographicHash::Sha1);
        const int index = ((quint8(hash[0]) << 8) | quint8(hash[1])) % dimensions;
        vector[index] += (quint8(hash[2]) & 1) ? -1.0 : 1.0;
    }
    double norm = 0;
    for (double v : std::as_const(vector))
        norm += v * v;
    if (norm == 0) {
        vector[0] = 1.0; // no words (or they cancelled out): still a unit vector
        return vector;
    }
    norm = std::sqrt(norm);
    for (double &v : vector)
        v /= norm;
    return vector;
}

QJsonDocument embeddingsFor(const LlmRequest &request)
{
    const int dimensions = request.json.value(u"dimensions").toInt(64);
    QJsonArray data;
    qint64 tokens = 0;
    const QStringList inputs = request.embeddingInputs();
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QJsonArray values;
        for (double v : fakeEmbedding(inputs[i], dimensions))
            values.append(v);
        data.append(QJsonObject{{u"object"_s, u"embedding"_s}, {u"index"_s, int(i)}, {u"embedding"_s, values}});
        tokens += inputs[i].split(u' ', Qt::SkipEmptyParts).size();
    }
    const QJsonObject usage{{u"prompt_tokens"_s, tokens}, {u"total_tokens"_s, tokens}};
    const QString model = request.model().isEmpty() ? kFakeModel.toString() : request.model();
    return QJsonDocument(QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}, {u"model"_s, model}, {u"usage"_s, usage}});
}

} // namespace lettascope::fakellm
