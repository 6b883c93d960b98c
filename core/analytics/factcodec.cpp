// SPDX-License-Identifier: MIT
#include "factcodec.h"

namespace lettascope::analytics {

namespace {

constexpr char kVersion = 1;
enum CallFlag : quint8 { CallError = 1, CallTimed = 2 };

// Unsigned LEB128; signed values zigzag first so small negatives stay short.
void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out += char(quint8(value) | 0x80);
        value >>= 7;
    }
    out += char(value);
}

void putSigned(QByteArray &out, qint64 value)
{
    putVarint(out, (quint64(value) << 1) ^ quint64(value >> 63));
}

// A null text is 0; any other is its UTF-8 length + 1, then the bytes.
void putText(QByteArray &out, const QString &text)
{
    if (text.isNull()) {
        putVarint(out, 0);
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    putVarint(out, quint64(utf8.size()) + 1);
    out += utf8;
}

// Reads what the put functions wrote; every read checks the bounds, and the first failure sticks.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) { }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }

    quint8 byte()
    {
        if (m_pos >= m_bytes.size())
            return fail();
        return quint8(m_bytes[m_pos++]);
    }
    quint64 varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64 && m_ok; shift += 7) {
            const quint8 b = byte();
            value |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return value;
        }
        return fail();
    }
    qint64 signedVarint()
    {
        const quint64 v = varint();
        return qint64(v >> 1) ^ -qint64(v & 1);
    }
    QString text(TextPool &pool)
    {
        const quint64 length = varint();
        if (length == 0 || !m_ok)
            return {};
        if (length - 1 > quint64(m_bytes.size() - m_pos)) {
            fail();
            return {};
        }
        const QByteArrayView utf8 = m_bytes.sliced(m_pos, qsizetype(length - 1));
        m_pos += qsizetype(length - 1);
        // An empty text must stay non-null: the pool maps only null views to null strings.
        return utf8.isEmpty() ? QStringLiteral("") : pool.text(utf8);
    }
    /// A count of items that each take at least one byte, so a damaged count cannot reserve gigabytes.
    qsizetype count()
    {
        const quint64 n = varint();
        if (n > quint64(m_bytes.size() - m_pos))
            return fail();
        return qsizetype(n);
    }

private:
    quint8 fail()
    {
        m_ok = false;
        m_pos = m_bytes.size();
        return 0;
    }

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

} // namespace

QByteArray encodeCallFacts(const RunFacts &facts)
{
    QByteArray out;
    out += kVersion;
    putVarint(out, quint64(facts.toolCalls.size()));
    for (const ToolCallFact &call : facts.toolCalls) {
        putText(out, call.tool);
        out += char((call.error ? CallError : 0) | (call.executionNs ? CallTimed : 0));
        if (call.error)
            putText(out, call.errorSignature);
        if (call.executionNs)
            putSigned(out, *call.executionNs);
    }
    putVarint(out, quint64(facts.modelTokens.size()));
    for (const ModelTokens &tokens : facts.modelTokens) {
        putText(out, tokens.model);
        const std::optional<qint64> values[] = {tokens.prompt, tokens.completion, tokens.cached, tokens.reasoning};
        quint8 present = 0;
        for (int i = 0; i < 4; ++i)
            present |= values[i] ? quint8(1 << i) : 0;
        out += char(present);
        for (const auto &value : values) {
            if (value)
                putSigned(out, *value);
        }
    }
    return out;
}

bool decodeCallFacts(QByteArrayView bytes, TextPool &pool, RunFacts &facts)
{
    Reader in(bytes);
    if (in.byte() != quint8(kVersion))
        return false;
    QList<ToolCallFact> calls(in.count());
    for (ToolCallFact &call : calls) {
        call.tool = in.text(pool);
        const quint8 flags = in.byte();
        call.error = flags & CallError;
        if (call.error)
            call.errorSignature = in.text(pool);
        if (flags & CallTimed)
            call.executionNs = in.signedVarint();
    }
    QList<ModelTokens> models(in.count());
    for (ModelTokens &tokens : models) {
        tokens.model = in.text(pool);
        const quint8 present = in.byte();
        std::optional<qint64> *values[] = {&tokens.prompt, &tokens.completion, &tokens.cached, &tokens.reasoning};
        for (int i = 0; i < 4; ++i) {
            if (present & (1 << i))
                *values[i] = in.signedVarint();
        }
    }
    if (!in.ok() || !in.atEnd())
        return false;
    facts.toolCalls = std::move(calls);
    facts.modelTokens = std::move(models);
    return true;
}

} // namespace lettascope::analytics
