// SPDX-License-Identifier: MIT
#pragma once

#include "importreport.h"

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::appserver {

/// Which kind of folder `path` is; an Unsupported error that says what was expected otherwise.
Result<ImportFormat> detectImportFormat(const QString &path);

/**
 * Imports a folder the user picked: a trajectory-v1 export or an App Server store. Files are
 * parsed in parallel on the global thread pool and written in batches; a file that cannot be read
 * is reported and skipped, never half-written. Re-importing the same folder updates rather than
 * duplicates. Blocks: call it from a worker thread (QtConcurrent::run) or the CLI.
 */
ImportReport importFolder(store::StoreWriter &writer, const QString &path, const ImportOptions &options = {});

} // namespace lettascope::appserver
