// SPDX-License-Identifier: MIT
#include "projection.h"

#include <cmath>

namespace lettascope::analytics {

namespace {

constexpr int kMaxIterations = 200;
constexpr double kConverged = 1e-10;   // squared change of the unit vector between iterations
constexpr double kNoVariance = 1e-12;  // variance below this is no spread at all
// A second component this much weaker than the first is float rounding, not a direction: points on a line
// project to a line (y = 0) instead of to noise.
constexpr double kRelativeNoise = 1e-9;

using Vector = std::vector<double>;

double dot(const double *a, const double *b, int n)
{
    double sum = 0;
    for (int i = 0; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

double normalise(Vector &v)
{
    const double norm = std::sqrt(dot(v.data(), v.data(), int(v.size())));
    if (norm > 0) {
        for (double &x : v)
            x /= norm;
    }
    return norm;
}

/// A fixed start with no symmetry: a start orthogonal to the main direction (all ones for points along
/// (1, -1), say) would never leave that plane.
Vector startVector(int dim)
{
    Vector v(std::size_t(dim), 0.0);
    quint32 state = 0x9e3779b9u;
    for (double &x : v) {
        state = state * 1664525u + 1013904223u;
        x = double(state >> 8) / double(1u << 24) - 0.5;
    }
    normalise(v);
    return v;
}

struct Component {
    Vector direction;       ///< unit; empty when there is no variance left
    double variance = 0;    ///< the eigenvalue of XᵀX along it
};

/// The dominant direction of the centred rows `x` (n × dim) orthogonal to `against`.
Component component(const Vector &x, std::size_t n, int dim, const Vector *against)
{
    Vector v = startVector(dim);
    Vector scores(n);
    double variance = 0;
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        // w = Xᵀ (X v): two passes over the rows instead of forming the dim × dim covariance, which at
        // 1,536 dimensions would cost more than all iterations together.
        for (std::size_t r = 0; r < n; ++r)
            scores[r] = dot(x.data() + r * std::size_t(dim), v.data(), dim);
        Vector w(std::size_t(dim), 0.0);
        for (std::size_t r = 0; r < n; ++r) {
            const double *row = x.data() + r * std::size_t(dim);
            for (int c = 0; c < dim; ++c)
                w[std::size_t(c)] += scores[r] * row[c];
        }
        if (against) {
            const double overlap = dot(w.data(), against->data(), dim);
            for (int c = 0; c < dim; ++c)
                w[std::size_t(c)] -= overlap * (*against)[std::size_t(c)];
        }
        variance = normalise(w);
        if (variance < kNoVariance)
            return {};
        double change = 0;
        for (int c = 0; c < dim; ++c)
            change += (w[std::size_t(c)] - v[std::size_t(c)]) * (w[std::size_t(c)] - v[std::size_t(c)]);
        v = std::move(w);
        if (change < kConverged)
            break;
    }
    std::size_t largest = 0;
    for (std::size_t c = 1; c < v.size(); ++c) {
        if (std::abs(v[c]) > std::abs(v[largest]))
            largest = c;
    }
    if (v[largest] < 0) {
        for (double &value : v)
            value = -value;
    }
    return {std::move(v), variance};
}

} // namespace

QList<QPointF> projectToPlane(const std::vector<float> &rows, int dim)
{
    if (dim <= 0 || rows.size() < std::size_t(dim))
        return {};
    const std::size_t n = rows.size() / std::size_t(dim);
    Vector mean(std::size_t(dim), 0.0);
    for (std::size_t r = 0; r < n; ++r) {
        for (int c = 0; c < dim; ++c)
            mean[std::size_t(c)] += rows[r * std::size_t(dim) + std::size_t(c)];
    }
    for (double &m : mean)
        m /= double(n);
    Vector centred(rows.size() - rows.size() % std::size_t(dim));
    for (std::size_t i = 0; i < centred.size(); ++i)
        centred[i] = rows[i] - mean[i % std::size_t(dim)];
    const Component first = component(centred, n, dim, nullptr);
    Vector second;
    if (!first.direction.empty()) {
        Component next = component(centred, n, dim, &first.direction);
        if (next.variance > first.variance * kRelativeNoise)
            second = std::move(next.direction);
    }
    QList<QPointF> points;
    points.reserve(qsizetype(n));
    for (std::size_t r = 0; r < n; ++r) {
        const double *row = centred.data() + r * std::size_t(dim);
        points << QPointF(first.direction.empty() ? 0.0 : dot(row, first.direction.data(), dim),
                          second.empty() ? 0.0 : dot(row, second.data(), dim));
    }
    return points;
}

} // namespace lettascope::analytics
