// SPDX-License-Identifier: MIT
#include "lettacodeserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace appservertest {

namespace {
constexpr int kCommandTimeoutMs = 60000;
// The bundle is 35 MB of JavaScript: a few seconds to start on an idle machine, more on a busy CI host.
constexpr int kStartTimeoutMs = 90000;
} // namespace

LettaCodeServer::LettaCodeServer()
    : m_node(QStandardPaths::findExecutable(u"node"_s))
{
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_server, &QProcess::readyRead, &m_server, [this] { m_output += m_server.readAll(); });
}

LettaCodeServer::~LettaCodeServer()
{
    stop();
}

QString LettaCodeServer::lettaJs()
{
    QString dir = qEnvironmentVariable("LETTASCOPE_LETTA_CODE_DIR");
    if (dir.isEmpty()) {
        // The same default as install-letta-code.sh.
        QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
        if (cache.isEmpty())
            cache = QDir::homePath() + u"/.cache"_s;
        dir = cache + u"/lettascope/letta-code-"_s + kVersion;
    }
    return dir + u"/node_modules/@letta-ai/letta-code/letta.js"_s;
}

QString LettaCodeServer::missingPrerequisite() const
{
    if (m_node.isEmpty())
        return u"node is not installed (Debian package nodejs); the App Server tests run the real Letta Code server"_s;
    if (!QFileInfo::exists(lettaJs())) {
        return u"@letta-ai/letta-code %1 is not installed at %2. Run tests/appserver/install-letta-code.sh first "
               "(scripts/dev.sh test does): it fetches the package from the npm registry, and these tests cannot "
               "pass without the real server."_s.arg(kVersion, lettaJs());
    }
    if (!m_home.isValid())
        return u"cannot create a temporary HOME: "_s + m_home.errorString();
    return {};
}

QString LettaCodeServer::workDir() const
{
    return m_home.filePath(u"work"_s);
}

QString LettaCodeServer::output() const
{
    return QString::fromUtf8(m_output);
}

QProcessEnvironment LettaCodeServer::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // All state goes to ~/.letta; nothing may leave the machine or touch the user's own setup.
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"LETTA_CODE_TELEM"_s, u"0"_s);
    env.insert(u"DO_NOT_TRACK"_s, u"1"_s);
    env.insert(u"DISABLE_AUTOUPDATER"_s, u"1"_s);
    env.insert(u"LETTA_DISABLE_LSP_DOWNLOAD"_s, u"1"_s);
    for (const char *name : {"LETTA_API_KEY", "LETTA_BASE_URL", "LETTA_LOCAL_BACKEND_DIR", "XDG_CONFIG_HOME",
                             "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.remove(QString::fromLatin1(name));
    return env;
}

QString LettaCodeServer::runLetta(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(workDir());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_node, QStringList{lettaJs()} + arguments);
    // Waits with the event loop running: `connect` calls the fake LLM, which answers from this thread.
    const bool finished = QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    const QString printed = QString::fromUtf8(process.readAll());
    const QString command = u"letta "_s + arguments.join(u' ');
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        return command + u" did not finish in time:\n"_s + printed;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"%1 failed (exit code %2):\n%3"_s.arg(command).arg(process.exitCode()).arg(printed);
    return {};
}

QString LettaCodeServer::start(const QUrl &llmBaseUrl)
{
    if (QString missing = missingPrerequisite(); !missing.isEmpty())
        return missing;
    QDir().mkpath(workDir());
    if (QString failed = runLetta({u"backend"_s, u"local"_s}, kCommandTimeoutMs); !failed.isEmpty())
        return failed;
    if (QString failed = runLetta({u"connect"_s, u"openai-compatible"_s, u"--base-url"_s, llmBaseUrl.toString(),
                                   u"--api-key"_s, u"not-needed"_s},
                                  kCommandTimeoutMs);
        !failed.isEmpty())
        return failed;

    if (QString failed = writeClientMcpServers(); !failed.isEmpty())
        return failed;
    // --listen without an address binds a free loopback port (never 1234, 11434 or 8080, which the
    // server itself probes for local inference engines) and prints it.
    m_server.setProcessEnvironment(environment());
    m_server.setWorkingDirectory(workDir());
    m_server.start(m_node, {lettaJs(), u"server"_s, u"--listen"_s});
    static const QRegularExpression listening(u"Listening on (ws://127\\.0\\.0\\.1:\\d+)"_s);
    QRegularExpressionMatch match;
    const bool ended = QTest::qWaitFor([&] {
        match = listening.match(output());
        return match.hasMatch() || m_server.state() == QProcess::NotRunning;
    }, kStartTimeoutMs);
    if (!ended || !match.hasMatch()) {
        stop();
        return u"letta server --listen did not start:\n"_s + output();
    }
    m_url = QUrl(match.captured(1));
    return {};
}

void LettaCodeServer::addClientMcpServer(const QString &agentId, const QJsonObject &config)
{
    QJsonArray servers = m_clientMcp.value(agentId).toArray();
    servers.append(config);
    m_clientMcp.insert(agentId, servers);
}

QString LettaCodeServer::writeClientMcpServers() const
{
    if (m_clientMcp.isEmpty())
        return {};
    QFile file(m_home.filePath(u".letta/settings.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot read "_s + file.fileName();
    QJsonObject settings = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    // Agent settings are kept per backend; the local backend's key names its storage folder.
    const QString serverKey = u"local:"_s + m_home.filePath(u".letta/lc-local-backend"_s);
    QJsonArray agents = settings.value(u"agents"_s).toArray();
    for (auto it = m_clientMcp.begin(); it != m_clientMcp.end(); ++it)
        agents.append(QJsonObject{{u"agentId"_s, it.key()}, {u"baseUrl"_s, serverKey}, {u"mcpServers"_s, it.value()}});
    settings.insert(u"agents"_s, agents);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return u"cannot write "_s + file.fileName();
    file.write(QJsonDocument(settings).toJson());
    return {};
}

void LettaCodeServer::stop()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    // SIGTERM: the server stops cleanly and flushes its store.
    m_server.terminate();
    if (!m_server.waitForFinished(10000)) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

} // namespace appservertest
