// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Developer diagnostics only. What the user should see goes to the activity log, never here.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcTrajectories)
Q_DECLARE_LOGGING_CATEGORY(lcAnalytics)
Q_DECLARE_LOGGING_CATEGORY(lcAppServer)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
