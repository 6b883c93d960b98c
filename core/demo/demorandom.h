// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <span>

namespace lettascope::demo {

/// SplitMix64 with a few helpers. std:: distributions are implementation-defined, so the demo draws
/// everything from this to get the same dataset on every platform and standard library.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_state(seed) { }

    static quint64 mix(quint64 x)
    {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    static quint64 mix(quint64 a, quint64 b) { return mix(a ^ mix(b + 0x632be59bd9b4e019ULL)); }

    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    quint32 next32() { return quint32(next() >> 32); }

    /// Uniform in [0, n); the multiply-shift bias is far below anything a demo can show.
    quint32 below(quint32 n) { return n == 0 ? 0 : quint32((quint64(next32()) * n) >> 32); }
    /// Uniform in [lo, hi], inclusive.
    int range(int lo, int hi) { return hi <= lo ? lo : lo + int(below(quint32(hi - lo + 1))); }
    qint64 range64(qint64 lo, qint64 hi)
    {
        return hi <= lo ? lo : lo + qint64(next() % quint64(hi - lo + 1));
    }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    /// Right-skewed in [lo, hi]: most values near lo, a long tail towards hi (no libm, so bit-exact).
    double skewed(double lo, double hi, int power = 3)
    {
        double u = unit();
        double v = u;
        for (int i = 1; i < power; ++i)
            v *= u;
        return lo + (hi - lo) * v;
    }

    template<typename T>
    const T &pick(std::span<const T> items)
    {
        return items[below(quint32(items.size()))];
    }

    /// Index drawn according to integer weights.
    int weighted(std::span<const int> weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int roll = int(below(quint32(total)));
        for (int i = 0; i < int(weights.size()); ++i) {
            if (roll < weights[i])
                return i;
            roll -= weights[i];
        }
        return int(weights.size()) - 1;
    }

private:
    quint64 m_state;
};

} // namespace lettascope::demo
