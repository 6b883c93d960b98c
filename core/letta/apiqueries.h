// SPDX-License-Identifier: MIT
#pragma once

#include "apitypes.h"
#include "net/httptypes.h"

#include <QStringList>

#include <optional>

// Filters and cursors for the list endpoints. Empty fields are not sent; the server default applies.
// Cursor meaning differs per family (letta-api.md §3): runs are inverted (next older page in desc
// order is `before=<last id>`), messages and jobs are absolute, everything else follows `order`.

namespace lettascope::letta {

enum class SortOrder { ServerDefault, Ascending, Descending };

struct PageQuery {
    QString before;
    QString after;
    int limit = 0;          ///< 0: server default
    SortOrder order = SortOrder::ServerDefault;
};

/// Relationships loaded on agents. Always sent explicitly: the server's default depends on the
/// User-Agent (letta-api.md §1).
QStringList defaultAgentIncludes();

struct AgentQuery : PageQuery {
    QString name;
    QStringList tags;
    bool matchAllTags = false;
    QStringList include = defaultAgentIncludes();
};

struct RunQuery : PageQuery {
    QString agentId;
    QStringList statuses;               ///< RunStatus strings, sent as repeated `statuses=`
    std::optional<bool> active;
    std::optional<bool> background;
    QString stopReason;
    QString conversationId;
};

struct StepQuery : PageQuery {
    QString agentId;
    QString model;
    QString startDate;                  ///< ISO date-time, exclusive
    QString endDate;
    QStringList traceIds;
};

struct MessageQuery : PageQuery {
    QString conversationId;
    bool includeErrors = true;          ///< agent messages only: `include_err`, so failed turns show
};

struct JobQuery : PageQuery {
    std::optional<bool> active;
};

/// The query items for each list, as sent. `server` picks 0.x parameter names where they differ.
net::QueryItems pageItems(const PageQuery &query, int maxLimit = 0);
net::QueryItems agentItems(const AgentQuery &query);
net::QueryItems agentIncludeItems(const QStringList &include);
net::QueryItems runItems(const RunQuery &query, const ServerInfo &server);
net::QueryItems stepItems(const StepQuery &query);
net::QueryItems messageItems(const MessageQuery &query, bool agentScoped);
net::QueryItems jobItems(const JobQuery &query);

/// The limit actually sent for a query (clamped to the route's maximum), for Page::limit.
int effectiveLimit(const PageQuery &query, int maxLimit = 0);

} // namespace lettascope::letta
