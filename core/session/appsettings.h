// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QSettings>

#include <memory>

namespace lettascope::session {

/// The app's preferences, typed: one getter and setter per key, and a change signal only when a value really
/// changed. GUI thread only. Window and column layout are not here (ui/common/uistate keeps those).
class AppSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)
public:
    enum class Theme { System, Terminal };

    /// Uses `settings` (owned), or the application's default QSettings when null.
    explicit AppSettings(std::unique_ptr<QSettings> settings = {}, QObject *parent = nullptr);
    ~AppSettings() override;

    /// Seconds between automatic syncs while the window is open; 0 turns auto-refresh off.
    int syncIntervalSeconds() const;
    void setSyncIntervalSeconds(int seconds);

    /// Step-metrics requests per sync (see SyncOptions::stepMetricsBudget).
    int stepMetricsBudget() const;
    void setStepMetricsBudget(int budget);

    /// Only runs created in the last this many days are synced; 0: the whole history.
    int historyDays() const;
    void setHistoryDays(int days);

    /// A running run with no activity for this long is marked stuck.
    int stuckAfterMinutes() const;
    void setStuckAfterMinutes(int minutes);

    Theme theme() const;
    void setTheme(Theme theme);

    /// Agent access (MCP over HTTP on 127.0.0.1): served whenever a cache is open, on this port.
    bool agentAccessEnabled() const;
    void setAgentAccessEnabled(bool enabled);
    int agentAccessPort() const;
    void setAgentAccessPort(int port);

    QSettings &store() { return *m_settings; }

Q_SIGNALS:
    void syncIntervalChanged(int seconds);
    void stuckAfterChanged(int minutes);
    void themeChanged(lettascope::session::AppSettings::Theme theme);

private:
    bool writeIfChanged(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace lettascope::session
