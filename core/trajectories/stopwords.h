// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace lettascope::trajectories {

/// Words that carry no topic ("the", "with", "please", …), lower case. The local embedding leaves them
/// out, and so do keyword queries: in an OR-query they would match nearly every trajectory and make
/// bm25 score the whole table.
bool isStopword(const QString &lowerCaseWord);

} // namespace lettascope::trajectories
