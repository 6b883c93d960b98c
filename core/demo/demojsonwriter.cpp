// SPDX-License-Identifier: MIT
#include "demojsonwriter.h"

#include <charconv>
#include <cstring>

namespace lettascope::demo {

void JsonWriter::flush()
{
    if (m_staged == 0)
        return;
    m_out.append(m_stage, m_staged);
    m_staged = 0;
}

void JsonWriter::put(const char *data, qsizetype size)
{
    if (m_staged + size > qsizetype(sizeof m_stage)) {
        flush();
        if (size > qsizetype(sizeof m_stage) / 2) {
            m_out.append(data, size);
            return;
        }
    }
    std::memcpy(m_stage + m_staged, data, size_t(size));
    m_staged += size;
}

void JsonWriter::escaped(std::string_view utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    size_t runStart = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(utf8.data() + runStart, qsizetype(i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"': put("\\\"", 2); break;
        case '\\': put("\\\\", 2); break;
        case '\n': put("\\n", 2); break;
        case '\r': put("\\r", 2); break;
        case '\t': put("\\t", 2); break;
        case '\b': put("\\b", 2); break;
        case '\f': put("\\f", 2); break;
        default: {
            const char sequence[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            put(sequence, 6);
        }
        }
    }
    put(utf8.data() + runStart, qsizetype(utf8.size() - runStart));
}

void appendJsonEscaped(QByteArray &out, std::string_view utf8)
{
    JsonWriter writer(out);
    writer.escaped(utf8);
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth == 0)
        return;
    const quint64 bit = quint64(1) << (m_depth - 1);
    if (m_hasElements & bit)
        put(',');
    m_hasElements |= bit;
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    put('{');
    ++m_depth;
    m_hasElements &= ~(quint64(1) << (m_depth - 1));
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    put('}');
    --m_depth;
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    put('[');
    ++m_depth;
    m_hasElements &= ~(quint64(1) << (m_depth - 1));
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    put(']');
    --m_depth;
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    beforeValue();
    put('"');
    put(name.data(), qsizetype(name.size()));
    put("\":", 2);
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(std::string_view utf8)
{
    beforeValue();
    put('"');
    escaped(utf8);
    put('"');
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::plainString(std::string_view text)
{
    beforeValue();
    put('"');
    put(text.data(), qsizetype(text.size()));
    put('"');
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::number(qint64 value)
{
    beforeValue();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    put(buffer, result.ptr - buffer);
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::real(double value)
{
    beforeValue();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    const std::string_view text(buffer, size_t(result.ptr - buffer));
    put(text.data(), qsizetype(text.size()));
    // Python writes floats with a fraction ("1.0"); keep the JSON type visible to schema checks.
    if (text.find_first_of(".e") == std::string_view::npos)
        put(".0", 2);
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        put("true", 4);
    else
        put("false", 5);
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    put("null", 4);
    afterValue();
    return *this;
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    beforeValue();
    put(json.data(), json.size());
    afterValue();
    return *this;
}

} // namespace lettascope::demo
