// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Developer diagnostics only (enable with QT_LOGGING_RULES="lettascope.*=true"). What the user must see is
// returned as an Error or a report and shown by the page or printed by the CLI command, never only logged here.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcTrajectories)
Q_DECLARE_LOGGING_CATEGORY(lcAnalytics)
Q_DECLARE_LOGGING_CATEGORY(lcAppServer)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
