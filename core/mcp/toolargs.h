// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lettascope::mcp {

/**
 * Reads a tool's arguments against what its schema promises, so a client that sends the wrong type or an
 * out-of-range value learns which argument and why ("limit: must be an integer from 1 to 10"), and no
 * tool ever sees a value outside its contract. Unknown arguments are refused too: a typo is not silently
 * a default.
 */
class ToolArgs
{
public:
    ToolArgs(const QJsonObject &arguments, QStringList known);

    /// Set when an argument was missing, of the wrong type or out of range; later reads are no-ops.
    const std::optional<Error> &error() const { return m_error; }

    QString text(const QString &name, qsizetype maxChars, bool required);
    std::optional<QString> oneOf(const QString &name, const QStringList &choices);
    int integer(const QString &name, int fallback, int min, int max);
    double number(const QString &name, double fallback, double min, double max);
    std::optional<bool> boolean(const QString &name);

private:
    void fail(const QString &name, const QString &why);

    QJsonObject m_arguments;
    std::optional<Error> m_error;
};

} // namespace lettascope::mcp
