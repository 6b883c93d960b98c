// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>

#include <vector>

namespace lettascope::analytics {

/**
 * Projects row vectors onto their first two principal components (PCA by power iteration on the centred
 * rows, the second component deflated against the first). `rows` holds `rows.size() / dim` vectors of
 * `dim` floats, row after row. Deterministic: the iteration starts from a fixed vector and each component's
 * sign is chosen so its largest entry is positive. Degenerate input gives zeros, never NaN: no vectors give
 * no points, one vector or identical vectors give (0, 0), vectors on a line give y = 0.
 */
QList<QPointF> projectToPlane(const std::vector<float> &rows, int dim);

} // namespace lettascope::analytics
