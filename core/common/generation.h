// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace lettascope {

/**
 * Drops answers to superseded requests. Reads and network calls answer asynchronously, often after the
 * user has asked for something else (another agent, another query, another server); applying such a late
 * answer would show the old request's data. Each request takes a token from next() and carries it to its
 * answer, which is applied only while isCurrent(token). A bare next() retires what is in flight without
 * asking anything new (a cleared view, a cancelled sync).
 */
class Generation
{
public:
    using Token = quint64;

    /// A new request: every older token becomes stale.
    Token next() { return ++m_current; }
    /// The answer belongs to the latest request.
    bool isCurrent(Token token) const { return token == m_current; }
    Token current() const { return m_current; }

private:
    Token m_current = 0;
};

} // namespace lettascope
