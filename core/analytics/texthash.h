// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <cstring>

namespace lettascope::analytics {

/// A fast hash of a short text's bytes for the analytics' lookup tables, which hash a few texts (agent,
/// tool, model, signature) per run: Qt's seeded SipHash was a fifth of a cold 100,000-run computation.
/// Not collision-resistant by design; the tables hold names from the cache, and a collision costs a compare.
inline std::size_t textHash(const void *data, std::size_t size)
{
    const auto *bytes = static_cast<const unsigned char *>(data);
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ size;
    for (; size >= 8; bytes += 8, size -= 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes, 8);
        h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes, size);
    h = (h ^ tail) * 0x94d049bb133111ebULL;
    return std::size_t(h ^ (h >> 29));
}

/// For std::unordered_map keyed by QString or QByteArray, looked up without building a key (transparent).
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(QStringView text) const { return textHash(text.data(), std::size_t(text.size()) * 2); }
    std::size_t operator()(QByteArrayView bytes) const { return textHash(bytes.data(), std::size_t(bytes.size())); }
};

struct TextEqual {
    using is_transparent = void;
    bool operator()(QStringView a, QStringView b) const { return a == b; }
    bool operator()(QByteArrayView a, QByteArrayView b) const { return a == b; }
};

} // namespace lettascope::analytics
