// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QString>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::session {

/// Registers on a writer not yet open everything the app derives from runs in the write's transaction
/// (see store::RunDerivation). Every process that writes the app's cache does this (the GUI session, each
/// CLI command that writes, the tests of what the app stores), so all of them store the same data.
void addDerivations(store::StoreWriter &writer);

/// addDerivations(), then open and wait: for the CLI and tests.
Status openCache(store::StoreWriter &writer, const QString &path);

} // namespace lettascope::session
