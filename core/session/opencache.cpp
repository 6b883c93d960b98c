// SPDX-License-Identifier: MIT
#include "opencache.h"

#include "analytics/storedfacts.h"
#include "store/storewriter.h"

namespace lettascope::session {

void addDerivations(store::StoreWriter &writer)
{
    writer.addDerivation(analytics::runFactsDerivation());
}

Status openCache(store::StoreWriter &writer, const QString &path)
{
    addDerivations(writer);
    return writer.open(path);
}

} // namespace lettascope::session
