// SPDX-License-Identifier: MIT
#pragma once

#include "common/error.h"
#include "store/entitywriter.h"
#include "store/writebatch.h"

#include <QMetaType>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace lettascope::appserver {

enum class ImportFormat {
    TrajectoryExport,   ///< `letta trajectories export`: trajectory-v1 JSON files and a manifest.json
    AppServerStore,     ///< the App Server's local store (~/.letta/lc-local-backend), or one conversation folder
};

QString importFormatName(ImportFormat format);

struct ImportOptions {
    /// Where the data goes; default: a server record of its own, "import:<canonical folder>", kind
    /// "import". Importing a store into an App Server's record merges with what sync and record
    /// wrote (the same keys), without duplicates.
    std::optional<store::ServerRecord> target;
    std::function<void(qint64 done, qint64 total)> progress;   ///< called on the importing thread
    const std::atomic_bool *cancel = nullptr;
};

/// What an import did, for the CLI and the GUI's File > Import.
struct ImportReport {
    ImportFormat format = ImportFormat::TrajectoryExport;
    QString path;
    qint64 serverId = 0;
    qint64 files = 0;           ///< conversations/sessions read
    qint64 agents = 0;
    qint64 conversations = 0;
    qint64 runs = 0;
    qint64 steps = 0;
    qint64 messages = 0;
    qint64 skipped = 0;         ///< records or lines that could not be used
    QStringList problems;       ///< one line per file that could not be imported
    Error fatal;                ///< set when nothing could be imported (bad folder, cache error)
    bool cancelled = false;
    qint64 elapsedMs = 0;
    store::ChangeSet changes;

    bool ok() const { return fatal.kind == ErrorKind::None && problems.isEmpty() && !cancelled; }
    /// "3 conversations, 5 runs, 10 messages imported from … in 0.1 s; 1 file failed: …".
    QString summary() const;
};

} // namespace lettascope::appserver

Q_DECLARE_METATYPE(lettascope::appserver::ImportReport)
