// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "net/httptypes.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace lettascope::letta {

/// Which protocol a profile speaks. Both feed the same store (DESIGN.md "Talking to Letta").
enum class ServerKind {
    LettaRest,          ///< Letta Cloud and classic self-hosted servers (reference/letta-api.md)
    LettaAppServer,     ///< Letta Code App Server over WebSocket (ws://host:port): core/appserver
};

QString serverKindKey(ServerKind kind);                 ///< "rest", "app_server": stable, stored in settings
std::optional<ServerKind> serverKindFromKey(QStringView key);

/// A server the user has configured. Holds no secret: the token lives in the keychain under the
/// profile's id (CredentialStore), so a profile can be written to settings as it is.
struct ServerProfile {
    QString id;             ///< stable, generated once; keys the token and the cache
    QString name;
    QUrl baseUrl;
    QString projectId;      ///< Letta Cloud project; empty for self-hosted
    ServerKind kind = ServerKind::LettaRest;
    bool demo = false;      ///< the embedded demo server

    /// A new profile with a fresh id.
    static ServerProfile create(const QString &name, const QUrl &baseUrl, ServerKind kind = ServerKind::LettaRest);

    /// Name and an http(s) URL with a host; the message says what is wrong.
    Status validate() const;
    /// Where the HTTP client should send requests for this profile, with the token fetched separately.
    net::ServerEndpoint endpoint(const QString &token) const;

    friend bool operator==(const ServerProfile &, const ServerProfile &) = default;
};

} // namespace lettascope::letta

Q_DECLARE_METATYPE(lettascope::letta::ServerProfile)
