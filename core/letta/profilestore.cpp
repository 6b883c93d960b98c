// SPDX-License-Identifier: MIT
#include "profilestore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
// Key strings are defined once; the layout is an array so the user's order survives.
constexpr auto GroupKey = "servers";
constexpr auto CurrentKey = "servers_current";
constexpr auto IdKey = "id";
constexpr auto NameKey = "name";
constexpr auto UrlKey = "url";
constexpr auto ProjectKey = "project_id";
constexpr auto KindKey = "kind";
constexpr auto DemoKey = "demo";
} // namespace

ProfileStore::ProfileStore(std::unique_ptr<QSettings> settings, QObject *parent)
    : QObject(parent), m_settings(settings ? std::move(settings) : std::make_unique<QSettings>())
{
    load();
}

ProfileStore::~ProfileStore() = default;

std::optional<ServerProfile> ProfileStore::profile(const QString &id) const
{
    for (const ServerProfile &p : m_profiles) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

Status ProfileStore::save(const ServerProfile &profile)
{
    if (Status valid = profile.validate(); !valid.ok())
        return valid;
    const auto it = std::find_if(m_profiles.begin(), m_profiles.end(),
                                 [&](const ServerProfile &p) { return p.id == profile.id; });
    if (it != m_profiles.end()) {
        if (*it == profile)
            return success();
        *it = profile;
    } else {
        m_profiles.append(profile);
    }
    write();
    Q_EMIT profilesChanged();
    return success();
}

bool ProfileStore::remove(const QString &id)
{
    const qsizetype removed = m_profiles.removeIf([&](const ServerProfile &p) { return p.id == id; });
    if (removed == 0)
        return false;
    if (m_currentId == id)
        setCurrentId(QString());
    write();
    Q_EMIT profilesChanged();
    return true;
}

void ProfileStore::setCurrentId(const QString &id)
{
    if (id == m_currentId || (!id.isEmpty() && !profile(id)))
        return;
    m_currentId = id;
    m_settings->setValue(QLatin1StringView(CurrentKey), id);
    m_settings->sync();
    Q_EMIT currentChanged(id);
}

void ProfileStore::load()
{
    const int count = m_settings->beginReadArray(QLatin1StringView(GroupKey));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ServerProfile p;
        p.id = m_settings->value(QLatin1StringView(IdKey)).toString();
        p.name = m_settings->value(QLatin1StringView(NameKey)).toString();
        p.baseUrl = QUrl(m_settings->value(QLatin1StringView(UrlKey)).toString());
        p.projectId = m_settings->value(QLatin1StringView(ProjectKey)).toString();
        p.kind = serverKindFromKey(m_settings->value(QLatin1StringView(KindKey)).toString()).value_or(ServerKind::LettaRest);
        p.demo = m_settings->value(QLatin1StringView(DemoKey)).toBool();
        // A hand-edited or half-written entry is dropped rather than offered as a broken server.
        if (p.validate().ok() && !profile(p.id))
            m_profiles.append(p);
    }
    m_settings->endArray();
    const QString current = m_settings->value(QLatin1StringView(CurrentKey)).toString();
    m_currentId = profile(current) ? current : QString();
}

void ProfileStore::write()
{
    m_settings->remove(QLatin1StringView(GroupKey));
    m_settings->beginWriteArray(QLatin1StringView(GroupKey), int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ServerProfile &p = m_profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QLatin1StringView(IdKey), p.id);
        m_settings->setValue(QLatin1StringView(NameKey), p.name);
        m_settings->setValue(QLatin1StringView(UrlKey), p.baseUrl.toString());
        m_settings->setValue(QLatin1StringView(ProjectKey), p.projectId);
        m_settings->setValue(QLatin1StringView(KindKey), serverKindKey(p.kind));
        m_settings->setValue(QLatin1StringView(DemoKey), p.demo);
    }
    m_settings->endArray();
    m_settings->sync();
}

} // namespace lettascope::letta
