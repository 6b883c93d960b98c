// SPDX-License-Identifier: MIT
#include "demojsonwriter.h"

#include <charconv>

namespace lettascope::demo {

void appendJsonEscaped(QByteArray &out, std::string_view utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    size_t runStart = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + runStart, qsizetype(i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escaped, 6);
        }
        }
    }
    out.append(utf8.data() + runStart, qsizetype(utf8.size() - runStart));
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
        m_out.append(',');
    m_hasElements |= bit;
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    ++m_depth;
    m_hasElements &= ~(quint64(1) << (m_depth - 1));
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    --m_depth;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    ++m_depth;
    m_hasElements &= ~(quint64(1) << (m_depth - 1));
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    --m_depth;
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    beforeValue();
    m_out.append('"');
    m_out.append(name.data(), qsizetype(name.size()));
    m_out.append("\":");
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(std::string_view utf8)
{
    beforeValue();
    m_out.append('"');
    appendJsonEscaped(m_out, utf8);
    m_out.append('"');
    return *this;
}

JsonWriter &JsonWriter::number(qint64 value)
{
    beforeValue();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, result.ptr - buffer);
    return *this;
}

JsonWriter &JsonWriter::real(double value)
{
    beforeValue();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    const std::string_view text(buffer, size_t(result.ptr - buffer));
    m_out.append(text.data(), qsizetype(text.size()));
    // Python writes floats with a fraction ("1.0"); keep the JSON type visible to schema checks.
    if (text.find_first_of(".e") == std::string_view::npos)
        m_out.append(".0");
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out.append(value ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    beforeValue();
    m_out.append(json);
    return *this;
}

} // namespace lettascope::demo
