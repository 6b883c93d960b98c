// SPDX-License-Identifier: MIT
#include "clicontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

CliContext::CliContext(GlobalOptions options)
    : m_options(std::move(options))
    , m_out(stdout)
    , m_err(stderr)
{
}

int CliContext::fail(const QString &message, ExitCode code)
{
    m_out.flush();
    m_err << u"lettascope-cli: "_s << message << Qt::endl;
    return code;
}

void CliContext::printJson(const QJsonValue &value)
{
    QByteArray bytes;
    if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else
        bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    m_out << QString::fromUtf8(bytes) << '\n';
    m_out.flush();
}

} // namespace lettascope::cli
