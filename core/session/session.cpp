// SPDX-License-Identifier: MIT
#include "session.h"

#include "appserver/appserverclient.h"
#include "appserver/folderimport.h"
#include "appserver/recorder.h"
#include "appsettings.h"
#include "cachereader.h"
#include "common/logging.h"
#include "demo/democonfig.h"
#include "demo/demoserverthread.h"
#include "letta/credentialstore.h"
#include "letta/httpclient.h"
#include "letta/lettaapi.h"
#include "letta/networkthread.h"
#include "letta/profilestore.h"
#include "store/storewriter.h"
#include "syncservice.h"

#include "whenready.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace lettascope::session {

namespace {

/// How a profile's data is keyed in the cache; the demo has a fixed key so its temporary cache is self-contained.
store::ServerRecord serverRecordFor(const letta::ServerProfile &profile)
{
    return {profile.demo ? u"demo"_s : profile.id, profile.name, profile.baseUrl.toString(),
            letta::serverKindKey(profile.kind), {}};
}

} // namespace

namespace {
// Keychain reads go over D-Bus, which can hang for 25 s where no secret service runs; the window should say
// "no token" well before that.
constexpr int kKeychainTimeoutMs = 3000;
} // namespace

Session::Session(const SessionOptions &options, AppSettings &settings, std::unique_ptr<letta::ProfileStore> profiles,
                 QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_profiles(profiles ? std::move(profiles) : std::make_unique<letta::ProfileStore>())
    , m_credentials(std::make_unique<letta::CredentialStore>())
    , m_network(std::make_unique<letta::NetworkThread>())
    , m_reader(std::make_unique<CacheReader>())
    , m_sync(std::make_unique<SyncService>(m_network->client()))
{
    qRegisterMetaType<ActiveServer>();
    m_credentials->setTimeoutMs(kKeychainTimeoutMs);
    m_sync->setIntervalSeconds(m_settings.syncIntervalSeconds());
    connect(&m_settings, &AppSettings::syncIntervalChanged, m_sync.get(), &SyncService::setIntervalSeconds);
}

Session::~Session()
{
    // Order matters: the sync uses the writer and the network client; the demo must outlive its last request.
    m_sync->clearTarget();
    m_sync.reset();
    stopImport();
    m_recorder.reset();
    m_writer.reset();
    m_demo.reset();
}

letta::HttpClient *Session::http() const
{
    return m_network->client();
}

QString Session::cachePath() const
{
    return m_writer ? m_writer->path() : QString();
}

QString Session::userCachePath() const
{
    if (!m_options.cachePath.isEmpty())
        return m_options.cachePath;
    if (const QString env = qEnvironmentVariable("LETTASCOPE_CACHE"); !env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/cache.db"_s;
}

Status Session::start()
{
    if (m_options.demo || m_options.demoLive || m_profiles->profiles().isEmpty()) {
        activateDemo();
        return m_active.isValid() ? success() : Status(Error{ErrorKind::Io, u"the demo server could not start"_s});
    }
    const QString current = m_profiles->currentId();
    activate(m_profiles->profile(current) ? current : m_profiles->profiles().first().id);
    return success();
}

Status Session::openCache(const QString &path)
{
    if (m_writer && m_writer->path() == path)
        return success();
    m_sync->clearTarget();
    auto writer = std::make_unique<store::StoreWriter>();
    if (auto opened = writer->open(path); !opened)
        return opened.error();
    connect(writer.get(), &store::StoreWriter::changed, this, &Session::cacheChanged, Qt::QueuedConnection);
    if (m_writer) {
        stopImport();
        m_recorder.reset(); // writes what it holds into the old cache first
        Q_EMIT cacheClosing();
    }
    m_writer = std::move(writer);
    // Queued behind nothing else: reads submitted after this see the new file.
    m_reader->open(path);
    Q_EMIT cacheOpened(path);
    return success();
}

void Session::activateDemo()
{
    ++m_activation;
    if (!m_demo) {
        m_demo = std::make_unique<demo::DemoServerThread>(demo::DemoConfig{});
        auto port = m_demo->start();
        if (!port) {
            m_demo.reset();
            Q_EMIT activationFailed(u"The demo server could not start: %1"_s.arg(port.error().message));
            return;
        }
        if (m_options.demoLive) {
            m_demo->setLive(true);
            // Live runs arrive every second or so; refresh more often than the saved interval (not written back).
            m_sync->setIntervalSeconds(5);
        }
    }
    if (!m_demoDir) {
        m_demoDir = std::make_unique<QTemporaryDir>();
        if (!m_demoDir->isValid()) {
            Q_EMIT activationFailed(u"No temporary folder for the demo cache: %1"_s.arg(m_demoDir->errorString()));
            m_demoDir.reset();
            return;
        }
    }
    letta::ServerProfile profile;
    profile.id = u"demo"_s;
    profile.name = u"Demo server"_s;
    profile.baseUrl = m_demo->url();
    profile.demo = true;
    useServer(profile, {});
}

void Session::activate(const QString &profileId)
{
    if (profileId.isEmpty()) {
        activateDemo();
        return;
    }
    const auto profile = m_profiles->profile(profileId);
    if (!profile) {
        Q_EMIT activationFailed(u"No server profile %1"_s.arg(profileId));
        return;
    }
    const int activation = ++m_activation;
    whenReady(m_credentials->readToken(profile->id), this, [this, activation, p = *profile](const Result<letta::StoredToken> &token) {
        if (activation != m_activation)
            return;
        if (!token)
            qCWarning(lcSecrets) << "token for" << p.name << "unavailable:" << token.error().toString();
        else if (!token->notice.isEmpty())
            qCInfo(lcSecrets) << token->notice;
        m_profiles->setCurrentId(p.id);
        useServer(p, token ? token->token : QString());
    });
}

void Session::useServer(const letta::ServerProfile &profile, const QString &token)
{
    const QString path = profile.demo ? m_demoDir->filePath(u"demo-cache.db"_s) : userCachePath();
    if (auto opened = openCache(path); !opened) {
        Q_EMIT activationFailed(u"The cache %1 could not be opened: %2"_s.arg(path, opened.error().message));
        return;
    }
    const store::ServerRecord record = serverRecordFor(profile);
    // Registering the server is one row; waiting for it keeps activation in order and gives views the id at once.
    auto serverId = m_writer->ensureServer(record).result();
    if (!serverId) {
        Q_EMIT activationFailed(serverId.error().toString());
        return;
    }
    m_recorder.reset();
    m_sync->setTarget(m_writer.get(), record);
    m_network->client()->setEndpoint(profile.endpoint(token));
    std::optional<appserver::AppServerEndpoint> appServer;
    if (profile.kind == letta::ServerKind::LettaAppServer) {
        auto endpoint = appserver::endpointFor(profile, token);
        if (!endpoint) {
            Q_EMIT activationFailed(endpoint.error().message);
            return;
        }
        appServer = *endpoint;
    }
    m_sync->setAppServer(appServer);
    SyncOptions options;
    options.stepMetricsBudget = m_settings.stepMetricsBudget();
    options.fetchStepMetrics = options.stepMetricsBudget > 0;
    if (const int days = m_settings.historyDays(); days > 0)
        options.historySinceMs = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000;
    m_sync->setOptions(options);
    m_active = ActiveServer{profile, *serverId};
    Q_EMIT activeChanged(m_active);
    m_sync->syncNow();
    if (appServer)
        startRecorder(record, *appServer);
}

void Session::startRecorder(const store::ServerRecord &record, const appserver::AppServerEndpoint &endpoint)
{
    // History sync fills what the server keeps; the recorder adds what only a live observer sees (errors,
    // retries, per-call usage). Read-only: it never sends input or approvals.
    m_recorder = std::make_unique<appserver::Recorder>(*m_writer, record, endpoint);
    connect(m_recorder.get(), &appserver::Recorder::stateChanged, this,
            [this](appserver::RecorderState state, const QString &detail) {
                const QString name = appserver::recorderStateName(state);
                Q_EMIT recorderStateChanged(detail.isEmpty() ? name : name + u": "_s + detail);
            });
    connect(m_recorder.get(), &appserver::Recorder::failed, this, [this](const Error &error) {
        Q_EMIT recorderStateChanged(tr("recording stopped: %1").arg(error.message));
    });
    m_recorder->start();
}

} // namespace lettascope::session

namespace lettascope::session {

QFuture<Result<letta::ServerInfo>> Session::testConnection(const letta::ServerProfile &profile, const QString &token)
{
    if (profile.kind == letta::ServerKind::LettaAppServer) {
        auto endpoint = appserver::endpointFor(profile, token);
        if (!endpoint)
            return QtFuture::makeReadyFuture(Result<letta::ServerInfo>(endpoint.error()));
        return QtConcurrent::run([endpoint = *endpoint]() -> Result<letta::ServerInfo> {
            appserver::AppServerClient client(endpoint);
            auto info = client.probe().result();
            if (!info)
                return info.error();
            letta::ServerInfo server;
            server.version = info->versionText();
            server.status = u"ok"_s;
            server.raw = info->raw;
            return server;
        });
    }
    if (!m_probeNetwork)
        m_probeNetwork = std::make_unique<letta::NetworkThread>(u"lettascope-probe"_s);
    m_probeNetwork->client()->setEndpoint(profile.endpoint(token));
    return letta::LettaApi(m_probeNetwork->client()).health();
}

qint64 Session::cacheSizeBytes() const
{
    const QString path = cachePath();
    return path.isEmpty() ? 0 : QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
}

QFuture<appserver::ImportReport> Session::importFolder(const QString &path, std::function<void(qint64, qint64)> progress)
{
    stopImport(); // one at a time
    m_importCancel = false;
    appserver::ImportOptions options;
    options.progress = std::move(progress);
    options.cancel = &m_importCancel;
    if (m_active.isValid()) {
        options.target = serverRecordFor(m_active.profile);
    }
    m_import = QtConcurrent::run([writer = m_writer.get(), path, options] {
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
    m_sync->clearTarget();
    stopImport();
    m_recorder.reset();
    Q_EMIT cacheClosing();
    m_writer.reset();
    m_reader->close().waitForFinished();
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(path + suffix) && !QFile::remove(path + suffix))
            return Error{ErrorKind::Io, u"could not delete %1"_s.arg(path + suffix)};
    }
    const letta::ServerProfile profile = m_active.profile;
    m_active = {};
    useServer(profile, m_network->client()->endpoint().token);
    return m_active.isValid() ? success() : Status(Error{ErrorKind::Storage, u"the cache could not be recreated"_s});
}

} // namespace lettascope::session
