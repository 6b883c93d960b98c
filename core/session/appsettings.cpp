// SPDX-License-Identifier: MIT
#include "appsettings.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace lettascope::session {

namespace {
const auto kSyncInterval = u"sync/intervalSeconds"_s;
const auto kStepMetricsBudget = u"sync/stepMetricsBudget"_s;
const auto kHistoryDays = u"sync/historyDays"_s;
const auto kStuckAfter = u"runs/stuckAfterMinutes"_s;
const auto kTheme = u"ui/theme"_s;
const auto kAgentAccessEnabled = u"mcp/enabled"_s;
const auto kAgentAccessPort = u"mcp/port"_s;
constexpr int kDefaultAgentAccessPort = 8765;
} // namespace

AppSettings::AppSettings(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings ? std::move(settings) : std::make_unique<QSettings>())
{
}

AppSettings::~AppSettings() = default;

bool AppSettings::writeIfChanged(const QString &key, const QVariant &value)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_settings->contains(key) && m_settings->value(key) == value)
        return false;
    m_settings->setValue(key, value);
    return true;
}

int AppSettings::syncIntervalSeconds() const
{
    return qMax(0, m_settings->value(kSyncInterval, 30).toInt());
}

void AppSettings::setSyncIntervalSeconds(int seconds)
{
    const int before = syncIntervalSeconds();
    if (writeIfChanged(kSyncInterval, qMax(0, seconds)) && before != syncIntervalSeconds())
        Q_EMIT syncIntervalChanged(syncIntervalSeconds());
}

int AppSettings::stepMetricsBudget() const
{
    return qMax(0, m_settings->value(kStepMetricsBudget, 2000).toInt());
}

void AppSettings::setStepMetricsBudget(int budget)
{
    writeIfChanged(kStepMetricsBudget, qMax(0, budget));
}

int AppSettings::historyDays() const
{
    return qMax(0, m_settings->value(kHistoryDays, 0).toInt());
}

void AppSettings::setHistoryDays(int days)
{
    writeIfChanged(kHistoryDays, qMax(0, days));
}

int AppSettings::stuckAfterMinutes() const
{
    return qMax(1, m_settings->value(kStuckAfter, 10).toInt());
}

void AppSettings::setStuckAfterMinutes(int minutes)
{
    const int before = stuckAfterMinutes();
    if (writeIfChanged(kStuckAfter, qMax(1, minutes)) && before != stuckAfterMinutes())
        Q_EMIT stuckAfterChanged(stuckAfterMinutes());
}

AppSettings::Theme AppSettings::theme() const
{
    return m_settings->value(kTheme).toString() == u"terminal" ? Theme::Terminal : Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    if (writeIfChanged(kTheme, theme == Theme::Terminal ? u"terminal"_s : u"system"_s))
        Q_EMIT themeChanged(theme);
}

bool AppSettings::agentAccessEnabled() const
{
    return m_settings->value(kAgentAccessEnabled, false).toBool();
}

void AppSettings::setAgentAccessEnabled(bool enabled)
{
    writeIfChanged(kAgentAccessEnabled, enabled);
}

int AppSettings::agentAccessPort() const
{
    const int port = m_settings->value(kAgentAccessPort, kDefaultAgentAccessPort).toInt();
    return port > 0 && port < 65536 ? port : kDefaultAgentAccessPort;
}

void AppSettings::setAgentAccessPort(int port)
{
    writeIfChanged(kAgentAccessPort, port);
}

} // namespace lettascope::session
