// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringView>

#include <array>
#include <optional>
#include <string_view>

namespace lettascope::demo {

enum class IdKind : quint8 {
    Agent,
    Run,
    Step,
    Message,
    Job,
    Tool,
    Block,
    Source,
    Archive,
    Identity,
    Group,
    Provider,
    McpServer,
    Sandbox,
    ProviderTrace,
    File,
};

/// A formatted id on the stack.
struct IdText {
    char data[64];
    int size = 0;
    std::string_view view() const { return {data, size_t(size)}; }
};

/// Deterministic `<prefix>-<uuid4>` ids. The first 32 bits of the UUID are a keyed bijection of the
/// entity's index, the rest a hash, so ids look random, never collide within a kind, and decode back
/// to the index without any lookup table (the dataset stays compact and lookups are O(1)).
class DemoIds
{
public:
    explicit DemoIds(quint64 seed = 0) : m_seed(seed) { }

    static std::string_view prefix(IdKind kind);

    IdText format(IdKind kind, quint32 index) const;
    QByteArray make(IdKind kind, quint32 index) const;
    /// A bare UUID (otid): the stored message's UUID with its low 7 bits replaced by the sub-index,
    /// as Letta's generate_otid_from_id does.
    IdText otid(quint32 messageIndex, int subIndex) const;
    /// `digits` (at most 60) lowercase hex digits derived from `key`: trace and request ids.
    IdText hex(quint64 key, int digits) const;

    /// The index encoded in an id of this kind, or nullopt when the text is not an id this generator
    /// produced (the caller still checks the index against its collection size).
    std::optional<quint32> decode(IdKind kind, QStringView text) const;

    /// `<prefix>-` followed by a lowercase version-4 UUID with variant 8/9/a/b, as Letta's path
    /// validators demand.
    static bool isWellFormed(IdKind kind, QStringView text);
    static bool isUuid4(QStringView text);

private:
    std::array<quint8, 16> uuid(IdKind kind, quint32 index) const;
    quint32 key(IdKind kind) const;

    quint64 m_seed;
};

} // namespace lettascope::demo
