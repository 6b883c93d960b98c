// SPDX-License-Identifier: MIT
#include "settingspage.h"

#include "agentaccesspanel.h"
#include "profileseditor.h"
#include "resourcesview.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "trajectories/trajectoryservice.h"
#include "ui/common/followsession.h"
#include "ui/common/viewsetup.h"
#include "ui/trajectories/processingsettingspanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lettascope::ui::settings {

namespace {
QSpinBox *spin(QWidget *parent, const QString &name, int min, int max, int value, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
} // namespace

SettingsPage::SettingsPage(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_profiles(new ProfilesEditor(session, this))
    , m_resources(new ResourcesView(session.reader(), this))
    , m_cacheInfo(new QLabel(this))
{
    setObjectName(u"settingsPage"_s);
    session::AppSettings &settings = session.settings();

    auto *general = new QWidget(this);
    auto *form = new QFormLayout(general);
    auto *interval = spin(general, u"syncInterval"_s, 0, 3600, settings.syncIntervalSeconds(), tr(" s"));
    interval->setSpecialValueText(tr("Off"));
    interval->setAccessibleName(tr("Auto-refresh interval"));
    auto *metrics = spin(general, u"stepMetricsBudget"_s, 0, 100000, settings.stepMetricsBudget(), tr(" requests"));
    metrics->setAccessibleName(tr("Step metrics per sync"));
    auto *history = spin(general, u"historyDays"_s, 0, 3650, settings.historyDays(), tr(" days"));
    history->setSpecialValueText(tr("Everything"));
    history->setAccessibleName(tr("History depth"));
    auto *stuck = spin(general, u"stuckAfter"_s, 1, 1440, settings.stuckAfterMinutes(), tr(" min"));
    stuck->setAccessibleName(tr("Stuck run threshold"));
    auto *theme = new QComboBox(general);
    theme->setObjectName(u"themeChoice"_s);
    theme->setAccessibleName(tr("Theme"));
    theme->addItems({tr("System"), tr("Terminal (dark, neon)")});
    theme->setCurrentIndex(settings.theme() == session::AppSettings::Theme::Terminal ? 1 : 0);
    form->addRow(tr("Auto-refresh every"), interval);
    form->addRow(tr("Step metrics per sync (applies to the next activation)"), metrics);
    form->addRow(tr("History to sync (applies to the next sync)"), history);
    form->addRow(tr("Mark running runs stuck after"), stuck);
    form->addRow(tr("Theme"), theme);
    m_cacheInfo->setObjectName(u"cacheInfo"_s);
    m_cacheInfo->setTextFormat(Qt::PlainText);
    m_cacheInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cacheInfo->setWordWrap(true);
    auto *clear = new QPushButton(tr("Clear cache…"), general);
    clear->setObjectName(u"clearCache"_s);
    form->addRow(tr("Cache"), m_cacheInfo);
    form->addRow(QString(), clear);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_tabs->addTab(m_profiles, tr("Servers"));
    m_tabs->addTab(viewsetup::scrolling(general, this), tr("Sync and appearance"));
    m_tabs->addTab(m_resources, tr("Server resources"));
    auto *processing = new trajectories::ProcessingSettingsPanel(session.processing(), [&session](const QString &key) {
        if (auto *service = session.trajectories())
            service->setLlmApiKey(key);
    }, this);
    m_tabs->addTab(viewsetup::scrolling(processing, this), tr("Trajectory processing"));
    auto *agents = new AgentAccessPanel(session.agentAccess(), settings, session.cachePath(), this);
    m_tabs->addTab(viewsetup::scrolling(agents, this), tr("Agent access (MCP)"));
    connect(&session, &session::Session::cacheOpened, agents, &AgentAccessPanel::setCachePath);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    connect(interval, &QSpinBox::valueChanged, &settings, &session::AppSettings::setSyncIntervalSeconds);
    connect(metrics, &QSpinBox::valueChanged, &settings, &session::AppSettings::setStepMetricsBudget);
    connect(history, &QSpinBox::valueChanged, &settings, &session::AppSettings::setHistoryDays);
    connect(stuck, &QSpinBox::valueChanged, &settings, &session::AppSettings::setStuckAfterMinutes);
    connect(theme, &QComboBox::currentIndexChanged, &settings, [&settings](int index) {
        settings.setTheme(index == 1 ? session::AppSettings::Theme::Terminal : session::AppSettings::Theme::System);
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Clear cache"),
                                  tr("Delete everything cached for every server? The next sync downloads it again."))
            != QMessageBox::Yes)
            return;
        if (auto cleared = m_session.clearCache(); !cleared)
            QMessageBox::warning(this, tr("Clear cache"), cleared.error().message);
        updateCacheInfo();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &SettingsPage::updateCacheInfo);
    updateCacheInfo();
    followSession(session, this);
}

void SettingsPage::setServer(qint64 serverId)
{
    m_resources->setServer(serverId);
    updateCacheInfo();
}

void SettingsPage::cacheChanged(const store::ChangeSet &changes)
{
    if (changes.has(store::ChangeSet::Resources))
        m_resources->reload();
    if (isVisible())
        updateCacheInfo();
}

void SettingsPage::updateCacheInfo()
{
    m_cacheInfo->setText(tr("%1\n%2%3")
                             .arg(m_session.cachePath(), QLocale().formattedDataSize(m_session.cacheSizeBytes()),
                                  m_session.isDemo() ? tr(" · temporary demo cache, deleted on exit") : QString()));
}

} // namespace lettascope::ui::settings
