// SPDX-License-Identifier: MIT
#pragma once

#include "demodataset.h"
#include "demoreply.h"

namespace lettascope::demo {

/// Maps a request to its endpoint and answers it from the dataset. Pure: no sockets, no faults, no
/// auth; the caller holds the dataset's read lock for the duration of the call.
///
/// Collection routes are declared with a trailing slash like the real server; the slash-less form is
/// served too instead of FastAPI's 307 redirect, and /latest/ is an alias of /v1/.
class DemoRouter
{
public:
    static DemoReply handle(const DemoDataset &data, const DemoRequest &request);
};

} // namespace lettascope::demo
