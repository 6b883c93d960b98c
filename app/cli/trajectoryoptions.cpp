// SPDX-License-Identifier: MIT
#include "trajectoryoptions.h"

#include "clicache.h"
#include "common/whenready.h"
#include "trajectories/llmkeystore.h"
#include "trajectories/processingsettings.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

void addFilterOptions(QCommandLineParser &parser)
{
    parser.addOptions({{u"agent"_s, u"Only this agent (id; repeatable)."_s, u"ID"_s},
                       {u"status"_s, u"Only these execution statuses: completed, incomplete, failed, unknown (comma separated)."_s, u"STATUS"_s},
                       {u"min-score"_s, u"Learning-value score at least this (0..1)."_s, u"SCORE"_s},
                       {u"max-score"_s, u"Learning-value score at most this (0..1)."_s, u"SCORE"_s},
                       {u"tag"_s, u"Only trajectories with this tag (repeatable; all must match)."_s, u"TAG"_s},
                       {u"category"_s, u"Only this task category."_s, u"CATEGORY"_s},
                       {u"complexity"_s, u"Only this complexity: trivial, simple, moderate, complex, expert."_s, u"LEVEL"_s},
                       {u"since"_s, u"Runs created at or after an ISO date/time or a relative age (24h, 7d)."_s, u"WHEN"_s},
                       {u"until"_s, u"Runs created before an ISO date/time or a relative age."_s, u"WHEN"_s}});
}

Result<TrajectoryFilters> filtersFrom(const QCommandLineParser &parser, qint64 serverId)
{
    TrajectoryFilters f;
    f.serverId = serverId;
    f.agentIds = parser.values(u"agent"_s);
    for (const QString &status : parser.value(u"status"_s).split(u',', Qt::SkipEmptyParts)) {
        static const QStringList known{u"completed"_s, u"incomplete"_s, u"failed"_s, u"unknown"_s};
        if (!known.contains(status.trimmed()))
            return Error{ErrorKind::BadRequest, u"unknown execution status '%1' (completed, incomplete, failed, unknown)"_s.arg(status)};
        f.executionStatuses << status.trimmed();
    }
    for (const char *name : {"min-score", "max-score"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value < 0 || value > 1)
            return Error{ErrorKind::BadRequest, u"--%1 needs a number from 0 to 1"_s.arg(option)};
        (option == u"min-score" ? f.minScore : f.maxScore) = value;
    }
    f.tags = parser.values(u"tag"_s);
    f.category = parser.value(u"category"_s);
    f.complexity = parser.value(u"complexity"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const char *name : {"since", "until"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const auto when = parseSince(parser.value(option), now);
        if (!when)
            return Error{ErrorKind::BadRequest, u"--%1 needs an ISO date/time or an age such as 24h or 7d"_s.arg(option)};
        (option == u"since" ? f.sinceMs : f.untilMs) = when;
    }
    return f;
}

void addBackendOptions(QCommandLineParser &parser)
{
    parser.addOptions({{u"backend"_s, u"local or openai, for every stage (default: the saved settings; local when unset)."_s, u"NAME"_s},
                       {u"base-url"_s, u"OpenAI-compatible endpoint up to /v1 (e.g. http://localhost:11434/v1)."_s, u"URL"_s},
                       {u"model"_s, u"Chat model for summary, score, labels and decisions."_s, u"NAME"_s},
                       {u"embedding-model"_s, u"Embedding model."_s, u"NAME"_s},
                       {u"concurrency"_s, u"Requests in flight to the endpoint."_s, u"N"_s},
                       {u"rate"_s, u"Requests per minute to the endpoint."_s, u"N"_s}});
}

Result<ProcessingConfig> configFrom(const QCommandLineParser &parser)
{
    ProcessingSettings settings;
    ProcessingConfig config = settings.snapshot();
    if (parser.isSet(u"backend"_s)) {
        const auto backend = backendFromKey(parser.value(u"backend"_s));
        if (!backend)
            return Error{ErrorKind::BadRequest, u"--backend must be local or openai"_s};
        config.backends.fill(*backend);
    }
    if (parser.isSet(u"base-url"_s)) {
        const QUrl url(parser.value(u"base-url"_s));
        if (!url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(u"http"_s))
            return Error{ErrorKind::BadRequest, u"--base-url needs an http(s) URL"_s};
        config.openai.baseUrl = url;
    }
    if (parser.isSet(u"model"_s))
        config.openai.chatModel = parser.value(u"model"_s);
    if (parser.isSet(u"embedding-model"_s))
        config.openai.embeddingModel = parser.value(u"embedding-model"_s);
    bool ok = true;
    if (parser.isSet(u"concurrency"_s))
        config.openai.concurrency = parser.value(u"concurrency"_s).toInt(&ok);
    if (!ok || config.openai.concurrency < 1)
        return Error{ErrorKind::BadRequest, u"--concurrency needs a positive number"_s};
    if (parser.isSet(u"rate"_s))
        config.openai.requestsPerSecond = parser.value(u"rate"_s).toDouble(&ok) / 60.0;
    if (!ok || config.openai.requestsPerSecond <= 0)
        return Error{ErrorKind::BadRequest, u"--rate needs a positive number of requests per minute"_s};
    if (const QString problem = config.problem(); !problem.isEmpty())
        return Error{ErrorKind::BadRequest, problem + u" (use --base-url and --model, or --backend local)"_s};
    return config;
}

std::shared_ptr<StageBackend> queryEmbedder(const ProcessingConfig &config)
{
    return makeBackends(config, apiKeyFor(config).valueOr(QString()))->embedding();
}

Result<QString> apiKeyFor(const ProcessingConfig &config)
{
    if (!config.usesNetwork())
        return QString();
    LlmKeyStore keys;
    keys.setTimeoutMs(3000);
    QFuture<Result<QString>> future = keys.readKey();
    QEventLoop loop;
    whenReady(future, &loop, [&loop](const Result<QString> &) { loop.quit(); });
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

Result<int> limitFrom(const QCommandLineParser &parser)
{
    bool ok = false;
    const qint64 limit = parser.value(u"limit"_s).toLongLong(&ok);
    if (!ok || limit < 1)
        return Error{ErrorKind::BadRequest, u"--limit needs a positive number"_s};
    return int(std::min<qint64>(limit, std::numeric_limits<int>::max()));
}

std::optional<int> parseOrExit(CliContext &context, QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        context.out().flush();
        return int(ExitOk);
    }
    return std::nullopt;
}

} // namespace lettascope::cli
