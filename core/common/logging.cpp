// SPDX-License-Identifier: MIT
#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "lettascope.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "lettascope.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "lettascope.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDemo, "lettascope.demo", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "lettascope.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTrajectories, "lettascope.trajectories", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAnalytics, "lettascope.analytics", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAppServer, "lettascope.appserver", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "lettascope.ui", QtWarningMsg)
