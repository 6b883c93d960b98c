// SPDX-License-Identifier: MIT
#include "clicache.h"

#include "cliserver.h"

#include "common/timestamps.h"
#include "store/queries/serverqueries.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

QString cachePath(const GlobalOptions &options)
{
    if (!options.cachePath.isEmpty())
        return options.cachePath;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/cache.db"_s;
}

QString profileIdForUrl(const QUrl &url)
{
    return u"url:"_s + url.toString(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
}

Result<QUrl> parseServerUrl(const QString &text)
{
    QUrl url = QUrl::fromUserInput(text);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != u"http" && scheme != u"https" && scheme != u"ws" && scheme != u"wss"))
        return Error{ErrorKind::BadRequest, u"'%1' is not a server URL (expected http(s)://host[:port] or ws://host:port)"_s.arg(text)};
    url.setPath(url.path().endsWith(u'/') ? url.path().chopped(1) : url.path());
    return url;
}

Result<CacheView> openCacheView(const GlobalOptions &options)
{
    const QString path = cachePath(options);
    if (!QFileInfo::exists(path))
        return Error{ErrorKind::Io, u"no cache at %1; run 'lettascope-cli sync --server URL' first"_s.arg(path)};
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    CacheView view{std::move(db).value(), 0};
    if (options.serverUrl.isEmpty() && options.profileName.isEmpty())
        return view;
    auto selected = resolveServer(options, TokenNeed::None);
    if (!selected)
        return selected.error();
    auto server = store::findServer(view.db, selected->profileId);
    if (!server)
        return server.error();
    if (!*server)
        return Error{ErrorKind::NotFound, u"the cache has no data for %1; sync it first"_s.arg(selected->name)};
    view.serverId = (*server)->id;
    return view;
}

std::optional<qint64> parseSince(const QString &text, qint64 nowMs)
{
    static const QRegularExpression relative(u"^(\\d+)\\s*([mhdw])$"_s);
    const auto match = relative.match(text.trimmed());
    if (match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 unitMs = unit == u'm' ? 60'000 : unit == u'h' ? 3'600'000 : unit == u'd' ? 86'400'000 : 604'800'000;
        return nowMs - amount * unitMs;
    }
    return parseTimestampMs(text);
}

} // namespace lettascope::cli
