// SPDX-License-Identifier: MIT
#pragma once

#include "demoreply.h"

#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace lettascope::demo {

/// Typed access to query parameters with FastAPI-style validation: the first malformed parameter
/// turns into the 422 the real server sends (repeated keys are array parameters).
class DemoQuery
{
public:
    explicit DemoQuery(const QUrlQuery &query) : m_query(query) { }

    bool has(const QString &key) const { return m_query.hasQueryItem(key); }
    QString value(const QString &key) const;
    QStringList values(const QString &key) const;

    int limit(int fallback, std::optional<int> minimum = std::nullopt, std::optional<int> maximum = std::nullopt);
    /// order=asc|desc (or the deprecated ascending=true|false when order is absent); true for desc.
    bool descending(bool fallback);
    std::optional<bool> flag(const QString &key);

    /// Records a validation failure unless one is recorded already.
    void fail(DemoReply reply);
    const std::optional<DemoReply> &error() const { return m_error; }

private:
    QUrlQuery m_query;
    std::optional<DemoReply> m_error;
};

} // namespace lettascope::demo
