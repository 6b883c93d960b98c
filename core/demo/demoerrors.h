// SPDX-License-Identifier: MIT
#pragma once

#include "demoenums.h"

#include <span>

namespace lettascope::demo {

/// A recurring failure. The template embeds varying ids and numbers so that error normalisation
/// has something real to group ({n}, {num}, {hex}, {tool}, {model}).
struct ErrorSignature {
    StopReason stopReason;
    const char *errorType; ///< Step.error_type
    const char *message;   ///< Run.metadata.error
};

std::span<const ErrorSignature> errorSignatures();

} // namespace lettascope::demo
