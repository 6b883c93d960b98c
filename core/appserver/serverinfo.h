// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace lettascope::appserver {

/// The protocol versions this build speaks (APP_SERVER_PROTOCOL_VERSION in letta-code's
/// app-server-protocol types; 1 since the App Server appeared in 0.27.9).
inline constexpr int kMinProtocolVersion = 1;
inline constexpr int kMaxProtocolVersion = 1;

/// GET /app-server-info (or the app_server_info command): the App Server's version probe.
struct AppServerInfo {
    QString lettaCodeVersion;
    int protocolVersion = 0;
    QString backend;           ///< "local" (files on disk) or "api" (forwarded to Letta Cloud)
    QJsonObject capabilities;
    QJsonObject raw;

    /// "letta-code 0.32.18 (protocol 1, local backend)", for the servers table and status bars.
    QString versionText() const;
};

Result<AppServerInfo> parseServerInfo(const QJsonObject &json);
/// An Unsupported error that says what to do when the protocol is not one this build speaks.
Status checkProtocol(const AppServerInfo &info);

} // namespace lettascope::appserver

Q_DECLARE_METATYPE(lettascope::appserver::AppServerInfo)
