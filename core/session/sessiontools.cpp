// SPDX-License-Identifier: MIT
// The session's one-off actions: connection tests, imports, clearing the cache.
#include "session.h"

#include "appserver/folderimport.h"
#include "cachereader.h"
#include "net/httpclient.h"
#include "net/networkthread.h"
#include "store/storewriter.h"
#include "syncservice.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace lettascope::session {

QFuture<Result<letta::ServerInfo>> Session::testConnection(const letta::ServerProfile &profile, const QString &token)
{
    if (!m_probeNetwork)
        m_probeNetwork = std::make_unique<net::NetworkThread>(u"lettascope-probe"_s);
    return session::testConnection(profile, token, m_probeNetwork->client());
}

qint64 Session::cacheSizeBytes() const
{
    const QString path = cachePath();
    return path.isEmpty() ? 0 : QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
}

QFuture<appserver::ImportReport> Session::importFolder(const QString &path,
                                                      std::function<void(qint64, qint64)> progress)
{
    stopImport(); // one at a time
    m_importCancel = false;
    appserver::ImportOptions options;
    options.progress = std::move(progress);
    options.cancel = &m_importCancel;
    if (m_active.isValid())
        options.target = serverRecord(m_active.profile);
    m_import = QtConcurrent::run([writer = writer(), path, options] {
        if (!writer) {
            appserver::ImportReport report;
            report.fatal = Error{ErrorKind::Storage, u"no cache is open"_s};
            return report;
        }
        return appserver::importFolder(*writer, path, options);
    });
    return m_import;
}

void Session::stopImport()
{
    if (m_import.isRunning()) {
        m_importCancel = true;
        m_import.waitForFinished();
    }
}

Status Session::clearCache()
{
    const QString path = cachePath();
    if (path.isEmpty())
        return success();
    closeCache();
    m_reader->close().waitForFinished();
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(path + suffix) && !QFile::remove(path + suffix))
            return Error{ErrorKind::Io, u"could not delete %1"_s.arg(path + suffix)};
    }
    const letta::ServerProfile profile = m_active.profile;
    m_active = {};
    // The fresh cache opens, and the server syncs again, in the background.
    useServer(profile, m_network->client()->endpoint().token, m_activation.next());
    return success();
}

} // namespace lettascope::session
