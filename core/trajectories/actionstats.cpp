// SPDX-License-Identifier: MIT
#include "actionstats.h"

#include <QHash>

#include <algorithm>

namespace lettascope::trajectories {

QList<ActionStats> actionStats(const QList<Decision> &decisions)
{
    QList<ActionStats> out;
    QHash<QString, qsizetype> slot;
    for (const Decision &d : decisions) {
        auto it = slot.constFind(d.action);
        if (it == slot.constEnd()) {
            it = slot.insert(d.action, out.size());
            out << ActionStats{d.action};
        }
        ActionStats &s = out[*it];
        ++s.calls;
        if (d.success)
            ++(*d.success ? s.succeeded : s.failed);
    }
    std::sort(out.begin(), out.end(), [](const ActionStats &a, const ActionStats &b) {
        return a.calls > b.calls || (a.calls == b.calls && a.action < b.action);
    });
    return out;
}

} // namespace lettascope::trajectories
