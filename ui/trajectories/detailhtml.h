// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace lettascope::trajectories {
struct TrajectoryDetail;
}

namespace lettascope::ui::trajectories {

/// The detail pane's document: metadata, the heuristic outcome (labelled as such), the enrichment with
/// its provenance and stage errors, per-action decision success rates, the annotation and the turns.
/// A plain function so its content is tested without a widget.
QString detailHtml(const lettascope::trajectories::TrajectoryDetail &detail);

} // namespace lettascope::ui::trajectories
