// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace appservertest {

/**
 * The real Letta Code App Server (`letta server --listen`) as a child process, installed by
 * tests/appserver/install-letta-code.sh. Its HOME is a temporary folder, telemetry and updates are
 * off, the backend is local and its only LLM provider is the OpenAI-compatible URL given to start().
 * No call blocks the event loop: the fake LLM the server talks to usually runs on the same thread.
 */
class LettaCodeServer final
{
    Q_DISABLE_COPY_MOVE(LettaCodeServer)

public:
    static constexpr QStringView kVersion = u"0.32.18";

    LettaCodeServer();
    ~LettaCodeServer();

    /// letta.js of the installed package: $LETTASCOPE_LETTA_CODE_DIR, else the install script's
    /// default folder under the user's cache directory.
    static QString lettaJs();

    /// Why the server cannot run here (no node, package not installed), empty when it can.
    QString missingPrerequisite() const;

    /// Selects the local backend, connects `llmBaseUrl` as the openai-compatible provider and
    /// starts listening on a free loopback port. Empty on success, else what failed with the output.
    QString start(const QUrl &llmBaseUrl);
    /// Before start(): a client-local MCP server for `agentId`, as `/mcp add` records it in
    /// ~/.letta/settings.json (e.g. {"name", "transport": "stdio", "command", "args"}). `letta mcp …`
    /// run as that agent (the way a letta-code agent reaches its MCP tools) then uses it.
    void addClientMcpServer(const QString &agentId, const QJsonObject &config);
    void stop();

    QUrl url() const { return m_url; }     ///< ws://127.0.0.1:<port>
    QString home() const { return m_home.path(); }
    QString workDir() const;               ///< the runtimes' cwd (files the tools read live here)
    QString output() const;                ///< everything the server printed so far

private:
    QProcessEnvironment environment() const;
    /// Runs `letta <arguments>` to completion; empty on exit code 0, else the reason and output.
    QString runLetta(const QStringList &arguments, int timeoutMs);
    /// Writes the client-local MCP servers into the settings `letta backend local` created.
    QString writeClientMcpServers() const;

    QTemporaryDir m_home;
    QString m_node;
    QProcess m_server;
    QByteArray m_output;
    QUrl m_url;
    QJsonObject m_clientMcp;    ///< agent id → array of server configs
};

} // namespace appservertest
