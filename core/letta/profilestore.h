// SPDX-License-Identifier: MIT
#pragma once

#include "serverprofile.h"

#include <QList>
#include <QObject>
#include <QSettings>

#include <memory>

namespace lettascope::letta {

/**
 * The configured servers, persisted in QSettings (no tokens: see CredentialStore), plus which one
 * is current. Lives on the GUI thread; emits profilesChanged() only when something changed.
 */
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    /// Uses `settings` (owned), or the application's default QSettings when null.
    explicit ProfileStore(std::unique_ptr<QSettings> settings = {}, QObject *parent = nullptr);
    ~ProfileStore() override;

    QList<ServerProfile> profiles() const { return m_profiles; }
    std::optional<ServerProfile> profile(const QString &id) const;

    /// Adds the profile, or replaces the one with the same id. Rejects invalid profiles.
    Status save(const ServerProfile &profile);
    /// False when no profile has that id. The caller also deletes the token (CredentialStore).
    bool remove(const QString &id);

    QString currentId() const { return m_currentId; }
    /// Empty clears the choice; an unknown id is ignored.
    void setCurrentId(const QString &id);

Q_SIGNALS:
    void profilesChanged();
    void currentChanged(const QString &id);

private:
    void load();
    void write();

    std::unique_ptr<QSettings> m_settings;
    QList<ServerProfile> m_profiles;
    QString m_currentId;
};

} // namespace lettascope::letta
