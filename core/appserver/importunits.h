// SPDX-License-Identifier: MIT
#pragma once

#include "store/writebatch.h"

#include <QList>
#include <QString>

#include <functional>

// Internal to folderimport: an import is a list of independent units (one file or conversation
// each) parsed in parallel and written in batches.
namespace lettascope::appserver::import_detail {

struct ParsedUnit {
    store::WriteBatch batch;
    qint64 skipped = 0;
    QString problem;        ///< set when the unit could not be read at all
};

using Unit = std::function<ParsedUnit()>;

/// trajectory-v1 files under `root` (with manifest.json when present).
QList<Unit> trajectoryUnits(const QString &root);
/// The store under `root` (lc-local-backend, its parent, or one conversation folder).
QList<Unit> storeUnits(const QString &root, QList<Agent> *agents, QStringList *problems);

/// The local store's root folder for `path`, or empty when `path` holds none.
QString storeRoot(const QString &path);
bool isSingleConversationFolder(const QString &path);
bool looksLikeTrajectoryExport(const QString &path);

} // namespace lettascope::appserver::import_detail
