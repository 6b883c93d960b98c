// SPDX-License-Identifier: MIT
#include "resthelpers.h"

namespace lettascope::sync::detail {

void fail(ResourceReport &entry, const Error &error)
{
    entry.ok = false;
    entry.error = error.toString();
}

bool commitOrFail(SyncSink &sink, store::WriteBatch batch, ResourceReport &entry)
{
    if (auto status = sink.commit(std::move(batch)); !status) {
        fail(entry, status.error());
        return false;
    }
    return true;
}

} // namespace lettascope::sync::detail
