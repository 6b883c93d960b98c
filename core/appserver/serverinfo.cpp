// SPDX-License-Identifier: MIT
#include "serverinfo.h"

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

QString AppServerInfo::versionText() const
{
    const QString version = lettaCodeVersion.isEmpty() ? u"unknown version"_s : lettaCodeVersion;
    const QString backendText = backend.isEmpty() ? QString() : u", %1 backend"_s.arg(backend);
    return u"letta-code %1 (protocol %2%3)"_s.arg(version).arg(protocolVersion).arg(backendText);
}

Result<AppServerInfo> parseServerInfo(const QJsonObject &json)
{
    // A reply to app_server_info carries success:false with an error when the server refuses it.
    if (json.contains(u"success") && !json.value(u"success").toBool())
        return Error{ErrorKind::Server, u"the App Server refused app_server_info: %1"_s.arg(json.value(u"error").toString())};
    const QJsonValue protocol = json.value(u"protocol_version");
    if (!protocol.isDouble())
        return Error{ErrorKind::BadPayload,
                     u"this does not look like a Letta Code App Server: /app-server-info has no protocol_version"_s};
    AppServerInfo info;
    info.protocolVersion = protocol.toInt();
    info.lettaCodeVersion = json.value(u"letta_code_version").toString();
    info.backend = json.value(u"backend").toString();
    info.capabilities = json.value(u"capabilities").toObject();
    info.raw = json;
    return info;
}

Status checkProtocol(const AppServerInfo &info)
{
    if (info.protocolVersion >= kMinProtocolVersion && info.protocolVersion <= kMaxProtocolVersion)
        return success();
    const QString supported = kMinProtocolVersion == kMaxProtocolVersion
        ? QString::number(kMinProtocolVersion) : u"%1 to %2"_s.arg(kMinProtocolVersion).arg(kMaxProtocolVersion);
    return Error{ErrorKind::Unsupported,
                 u"this App Server (letta-code %1) speaks protocol version %2, but Lettascope supports protocol %3. "
                 "Update Lettascope, or run a letta-code release that speaks protocol %3 (0.30.28 to 0.32.18 were tested)."_s
                     .arg(info.lettaCodeVersion.isEmpty() ? u"unknown version"_s : info.lettaCodeVersion)
                     .arg(info.protocolVersion)
                     .arg(supported)};
}

} // namespace lettascope::appserver
