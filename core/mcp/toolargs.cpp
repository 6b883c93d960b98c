// SPDX-License-Identifier: MIT
#include "toolargs.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::mcp {

ToolArgs::ToolArgs(const QJsonObject &arguments, QStringList known) : m_arguments(arguments)
{
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        if (!known.contains(it.key())) {
            fail(it.key(), u"unknown argument (expected one of: %1)"_s.arg(known.join(u", "_s)));
            return;
        }
    }
}

void ToolArgs::fail(const QString &name, const QString &why)
{
    if (!m_error)
        m_error = Error{ErrorKind::BadPayload, u"%1: %2"_s.arg(name, why)};
}

QString ToolArgs::text(const QString &name, qsizetype maxChars, bool required)
{
    const QJsonValue value = m_arguments.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(name, u"is required"_s);
        return {};
    }
    if (!value.isString()) {
        fail(name, u"must be a string"_s);
        return {};
    }
    const QString text = value.toString().trimmed();
    if (required && text.isEmpty())
        fail(name, u"must not be empty"_s);
    else if (text.size() > maxChars)
        fail(name, u"must be at most %1 characters"_s.arg(maxChars));
    return text;
}

std::optional<QString> ToolArgs::oneOf(const QString &name, const QStringList &choices)
{
    const QString value = text(name, 64, false);
    if (value.isEmpty())
        return std::nullopt;
    if (!choices.contains(value)) {
        fail(name, u"must be one of: %1"_s.arg(choices.join(u", "_s)));
        return std::nullopt;
    }
    return value;
}

int ToolArgs::integer(const QString &name, int fallback, int min, int max)
{
    const QJsonValue value = m_arguments.value(name);
    if (value.isUndefined() || value.isNull())
        return fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || number != std::floor(number) || number < min || number > max) {
        fail(name, u"must be an integer from %1 to %2"_s.arg(min).arg(max));
        return fallback;
    }
    return int(number);
}

double ToolArgs::number(const QString &name, double fallback, double min, double max)
{
    const QJsonValue value = m_arguments.value(name);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
        fail(name, u"must be a number from %1 to %2"_s.arg(min).arg(max));
        return fallback;
    }
    return value.toDouble();
}

std::optional<bool> ToolArgs::boolean(const QString &name)
{
    const QJsonValue value = m_arguments.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        fail(name, u"must be true or false"_s);
        return std::nullopt;
    }
    return value.toBool();
}

} // namespace lettascope::mcp
