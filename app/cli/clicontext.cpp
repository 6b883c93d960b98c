// SPDX-License-Identifier: MIT
#include "clicontext.h"

#include <QCommandLineParser>
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
    warn(message);
    return code;
}

std::optional<int> CliContext::parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText();
        return ExitOk;
    }
    return std::nullopt;
}

void CliContext::warn(const QString &message)
{
    m_out.flush();
    m_err << u"lettascope-cli: "_s << message << Qt::endl;
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

void CliContext::printTable(const QStringList &headers, const QList<QStringList> &rows)
{
    constexpr qsizetype maxWidth = 60;
    auto cell = [](const QString &text) {
        QString flat = text;
        flat.replace(u'\n', u' ');
        return flat.size() > maxWidth ? flat.left(maxWidth - 1) + u'…' : flat;
    };
    QList<qsizetype> widths;
    for (const auto &header : headers)
        widths << header.size();
    for (const auto &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], cell(row[i]).size());
    }
    auto printRow = [&](const QStringList &row) {
        QStringList padded;
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            padded << (i + 1 == row.size() ? cell(row[i]) : cell(row[i]).leftJustified(widths[i]));
        m_out << padded.join(u"  "_s) << u'\n';
    };
    printRow(headers);
    for (const auto &row : rows)
        printRow(row);
    m_out.flush();
}

} // namespace lettascope::cli
