// SPDX-License-Identifier: MIT
#include "demoids.h"

#include "demorandom.h"

#include <QString>

#include <cstring>

namespace lettascope::demo {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// "lowbias32" and its inverse: a cheap bijection on 32-bit integers.
quint32 permute(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

quint32 unpermute(quint32 x)
{
    x ^= x >> 16;
    x *= 0x43021123U;
    x ^= (x >> 15) ^ (x >> 30);
    x *= 0x1d69e2a5U;
    x ^= x >> 16;
    return x;
}

void putUuid(IdText &text, const std::array<quint8, 16> &bytes)
{
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.data[text.size++] = '-';
        text.data[text.size++] = kHex[bytes[i] >> 4];
        text.data[text.size++] = kHex[bytes[i] & 0xf];
    }
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    return -1;
}

} // namespace

std::string_view DemoIds::prefix(IdKind kind)
{
    switch (kind) {
    case IdKind::Agent: return "agent";
    case IdKind::Run: return "run";
    case IdKind::Step: return "step";
    case IdKind::Message: return "message";
    case IdKind::Job: return "job";
    case IdKind::Tool: return "tool";
    case IdKind::Block: return "block";
    case IdKind::Source: return "source";
    case IdKind::Archive: return "archive";
    case IdKind::Identity: return "identity";
    case IdKind::Group: return "group";
    case IdKind::Provider: return "provider";
    case IdKind::McpServer: return "mcp_server";
    case IdKind::Sandbox: return "sandbox";
    case IdKind::ProviderTrace: return "provider_trace";
    case IdKind::File: return "file";
    }
    return "unknown";
}

quint32 DemoIds::key(IdKind kind) const
{
    return quint32(DemoRandom::mix(m_seed, quint64(kind) + 1));
}

std::array<quint8, 16> DemoIds::uuid(IdKind kind, quint32 index) const
{
    std::array<quint8, 16> bytes{};
    const quint32 head = permute(index ^ key(kind));
    const quint64 a = DemoRandom::mix(m_seed ^ (quint64(kind) << 56), index);
    const quint64 b = DemoRandom::mix(a);
    for (int i = 0; i < 4; ++i)
        bytes[i] = quint8(head >> (24 - 8 * i));
    for (int i = 0; i < 4; ++i)
        bytes[4 + i] = quint8(a >> (8 * i));
    for (int i = 0; i < 8; ++i)
        bytes[8 + i] = quint8(b >> (8 * i));
    bytes[6] = quint8((bytes[6] & 0x0f) | 0x40);
    bytes[8] = quint8((bytes[8] & 0x3f) | 0x80);
    return bytes;
}

IdText DemoIds::format(IdKind kind, quint32 index) const
{
    IdText text;
    const auto name = prefix(kind);
    std::memcpy(text.data, name.data(), name.size());
    text.size = int(name.size());
    text.data[text.size++] = '-';
    putUuid(text, uuid(kind, index));
    return text;
}

QByteArray DemoIds::make(IdKind kind, quint32 index) const
{
    const IdText text = format(kind, index);
    return QByteArray(text.data, text.size);
}

IdText DemoIds::otid(quint32 messageIndex, int subIndex) const
{
    auto bytes = uuid(IdKind::Message, messageIndex);
    bytes[15] = quint8((bytes[15] & 0x80) | (subIndex & 0x7f));
    IdText text;
    putUuid(text, bytes);
    return text;
}

IdText DemoIds::hex(quint64 key, int digits) const
{
    IdText text;
    quint64 value = DemoRandom::mix(m_seed ^ 0x7ace, key);
    for (int i = 0; i < qMin(digits, 60); ++i) {
        if (i % 16 == 0 && i > 0)
            value = DemoRandom::mix(value);
        text.data[text.size++] = kHex[(value >> (4 * (i % 16))) & 0xf];
    }
    return text;
}

std::optional<quint32> DemoIds::decode(IdKind kind, QStringView text) const
{
    if (!isWellFormed(kind, text))
        return std::nullopt;
    const qsizetype start = qsizetype(prefix(kind).size()) + 1;
    quint32 head = 0;
    for (qsizetype i = 0; i < 8; ++i)
        head = (head << 4) | quint32(hexValue(text[start + i]));
    const quint32 index = unpermute(head) ^ key(kind);
    // The head alone always decodes; the full comparison rejects ids this generator never made.
    const IdText expected = format(kind, index);
    if (text.compare(QLatin1StringView(expected.data, expected.size)) != 0)
        return std::nullopt;
    return index;
}

bool DemoIds::isUuid4(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == u'-'))
            return false;
        if (!dash && hexValue(text[i]) < 0)
            return false;
    }
    const int variant = hexValue(text[19]);
    return text[14] == u'4' && variant >= 8 && variant <= 11;
}

bool DemoIds::isWellFormed(IdKind kind, QStringView text)
{
    const auto name = prefix(kind);
    const qsizetype length = qsizetype(name.size());
    if (text.size() != length + 37 || text[length] != u'-')
        return false;
    if (text.first(length).compare(QLatin1StringView(name.data(), length)) != 0)
        return false;
    return isUuid4(text.sliced(length + 1));
}

} // namespace lettascope::demo
