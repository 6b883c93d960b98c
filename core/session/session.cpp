// SPDX-License-Identifier: MIT
#include "session.h"

#include "agentaccess.h"
#include "analytics/analyticsservice.h"
#include "analytics/analyticssettings.h"
#include "appserver/recorder.h"
#include "appsettings.h"
#include "cachereader.h"
#include "cacheservices.h"
#include "common/logging.h"
#include "common/whenready.h"
#include "demo/democonfig.h"
#include "demo/demoserverthread.h"
#include "letta/profilestore.h"
#include "net/credentialstore.h"
#include "net/httpclient.h"
#include "net/networkthread.h"
#include "opencache.h"
#include "store/storewriter.h"
#include "syncservice.h"
#include "trajectories/processingsettings.h"
#include "trajectories/trajectoryservice.h"

#include <QDateTime>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace lettascope::session {

namespace {

// Keychain reads go over D-Bus, which can hang for 25 s where no secret service runs; the window should say
// "no token" well before that.
constexpr int kKeychainTimeoutMs = 3000;

qint64 minutesToMs(int minutes)
{
    return qint64(minutes) * 60'000;
}

} // namespace

Session::Session(const SessionOptions &options, AppSettings &settings, std::unique_ptr<letta::ProfileStore> profiles,
                 QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_profiles(profiles ? std::move(profiles) : std::make_unique<letta::ProfileStore>())
    , m_credentials(std::make_unique<net::CredentialStore>())
    , m_processing(std::make_unique<trajectories::ProcessingSettings>())
    , m_analyticsSettings(std::make_unique<analytics::AnalyticsSettings>())
    , m_network(std::make_unique<net::NetworkThread>())
    , m_reader(std::make_unique<CacheReader>())
    , m_sync(std::make_unique<SyncService>())
    , m_agentAccess(std::make_unique<AgentAccess>(settings, *m_credentials))
{
    qRegisterMetaType<ActiveServer>();
    m_credentials->setTimeoutMs(kKeychainTimeoutMs);
    m_sync->setIntervalSeconds(m_settings.syncIntervalSeconds());
    connect(&m_settings, &AppSettings::syncIntervalChanged, m_sync.get(), &SyncService::setIntervalSeconds);
    connect(&m_settings, &AppSettings::stuckAfterChanged, this, [this](int minutes) {
        if (m_cache)
            m_cache->analytics().setStuckAfterMs(minutesToMs(minutes));
    });
    connect(m_analyticsSettings.get(), &analytics::AnalyticsSettings::priceTableChanged, this,
            [this](const analytics::PriceTable &prices) {
                if (m_cache)
                    m_cache->analytics().setPriceTable(prices);
            });
}

Session::~Session()
{
    // Order matters: the sync uses the writer and the network client; the demo must outlive its last request.
    m_sync->clearTarget();
    m_sync.reset();
    stopImport();
    m_recorder.reset();
    m_cache.reset();
    m_opening.reset();
    m_demo.reset();
}

store::StoreWriter *Session::writer() const
{
    return m_cache ? &m_cache->writer() : nullptr;
}

trajectories::TrajectoryService *Session::trajectories() const
{
    return m_cache ? &m_cache->trajectories() : nullptr;
}

analytics::AnalyticsService *Session::analytics() const
{
    return m_cache ? &m_cache->analytics() : nullptr;
}

QString Session::cachePath() const
{
    return m_cache ? m_cache->writer().path() : QString();
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
        return m_demo ? success() : Status(Error{ErrorKind::Io, u"the demo server could not start"_s});
    }
    const QString current = m_profiles->currentId();
    activate(m_profiles->profile(current) ? current : m_profiles->profiles().first().id);
    return success();
}

void Session::activateDemo()
{
    const Generation::Token activation = m_activation.next();
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
    useServer(profile, {}, activation);
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
    const Generation::Token activation = m_activation.next();
    const auto useToken = [this, activation, p = *profile](const Result<net::StoredToken> &token) {
        if (!m_activation.isCurrent(activation))
            return;
        if (!token)
            qCWarning(lcSecrets) << "token for" << p.name << "unavailable:" << token.error().toString();
        else if (!token->notice.isEmpty())
            qCInfo(lcSecrets) << token->notice;
        m_profiles->setCurrentId(p.id);
        useServer(p, token ? token->token : QString(), activation);
    };
    whenReady(m_credentials->readToken(profile->id), this, useToken);
}

void Session::useServer(const letta::ServerProfile &profile, const QString &token, Generation::Token activation)
{
    auto access = serverAccess(profile, token, m_network->client());
    if (!access) {
        Q_EMIT activationFailed(access.error().message);
        return;
    }
    const QString path = profile.demo ? m_demoDir->filePath(u"demo-cache.db"_s) : userCachePath();
    whenReady(openCacheAt(path), this,
              [this, activation, profile, token, access = *access, path](const Status &opened) {
        if (!m_activation.isCurrent(activation))
            return;
        if (!opened) {
            Q_EMIT activationFailed(u"The cache %1 could not be opened: %2"_s.arg(path, opened.error().message));
            return;
        }
        useCache(path);
        const store::ServerRecord record = serverRecord(profile);
        whenReady(m_cache->writer().ensureServer(record), this,
                  [this, activation, profile, token, access, record](const Result<qint64> &serverId) {
            if (!m_activation.isCurrent(activation))
                return;
            if (!serverId)
                Q_EMIT activationFailed(serverId.error().toString());
            else
                finishActivation(profile, token, access, record, *serverId);
        });
    });
}

QFuture<Status> Session::openCacheAt(const QString &path)
{
    if (m_cache && m_cache->writer().path() == path)
        return QtFuture::makeReadyFuture(success());
    // A writer still opening for an overtaken activation finishes its open as it goes (its thread drains).
    m_opening = std::make_unique<store::StoreWriter>();
    addDerivations(*m_opening);
    return m_opening->openAsync(path);
}

void Session::useCache(const QString &path)
{
    if (!m_opening || m_opening->path() != path)
        return; // it is the open cache already
    closeCache();
    connect(m_opening.get(), &store::StoreWriter::changed, this, &Session::cacheChanged, Qt::QueuedConnection);
    m_cache = std::make_unique<CacheServices>(std::exchange(m_opening, {}), *m_processing);
    m_cache->analytics().setPriceTable(m_analyticsSettings->priceTable());
    m_cache->analytics().setStuckAfterMs(minutesToMs(m_settings.stuckAfterMinutes()));
    trajectories::TrajectoryService &trajectories = m_cache->trajectories();
    m_agentAccess->useCache(path, trajectories.queryEmbedder());
    connect(&trajectories, &trajectories::TrajectoryService::queryEmbedderChanged, this,
            [this, path] { m_agentAccess->useCache(path, m_cache->trajectories().queryEmbedder()); });
    // Queued behind nothing else: reads submitted after this see the new file.
    m_reader->open(path);
    Q_EMIT cacheOpened(path);
}

void Session::closeCache()
{
    m_sync->clearTarget();
    if (!m_cache)
        return;
    stopImport();
    m_recorder.reset(); // writes what it holds into the old cache first
    Q_EMIT cacheClosing();
    m_agentAccess->useCache({}, nullptr);
    m_cache.reset();
}

void Session::finishActivation(const letta::ServerProfile &profile, const QString &token, const ServerAccess &access,
                               const store::ServerRecord &record, qint64 serverId)
{
    m_recorder.reset();
    m_sync->setTarget(&m_cache->writer(), record, access.withSource);
    m_network->client()->setEndpoint(profile.endpoint(token));
    m_traces = access.traces;
    sync::SyncOptions options;
    options.stepMetricsBudget = m_settings.stepMetricsBudget();
    options.fetchStepMetrics = options.stepMetricsBudget > 0;
    if (const int days = m_settings.historyDays(); days > 0)
        options.historySinceMs = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000;
    m_sync->setOptions(options);
    m_active = ActiveServer{profile, serverId};
    Q_EMIT activeChanged(m_active);
    m_sync->syncNow();
    if (access.recorder)
        startRecorder(record, *access.recorder);
}

void Session::startRecorder(const store::ServerRecord &record, const appserver::AppServerEndpoint &endpoint)
{
    // History sync fills what the server keeps; the recorder adds what only a live observer sees (errors,
    // retries, per-call usage). Read-only: it never sends input or approvals.
    m_recorder = std::make_unique<appserver::Recorder>(m_cache->writer(), record, endpoint);
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
