// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>

namespace lettascope::demo {

/// Appends compact JSON to a QByteArray, in the order fields are written (pydantic's field order),
/// the way FastAPI's JSONResponse does (no spaces, UTF-8 unescaped). Much faster than building
/// QJsonObjects, and the byte output is exactly reproducible. Output is staged in a small buffer
/// and reaches the QByteArray when a top-level value is complete (or on flush()/destruction), so
/// many small writes cost one append. Misuse (a value without a key inside an object) is the
/// caller's bug; the writer does not validate structure.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) { }
    ~JsonWriter() { flush(); }
    Q_DISABLE_COPY_MOVE(JsonWriter)

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view name);

    JsonWriter &string(std::string_view utf8);
    JsonWriter &string(QByteArrayView utf8) { return string(std::string_view(utf8.data(), size_t(utf8.size()))); }
    JsonWriter &string(const QString &text) { return string(QByteArrayView(text.toUtf8())); }
    JsonWriter &string(const char *utf8) { return string(std::string_view(utf8)); }
    /// A string that needs no escaping (ids, timestamps): written verbatim between quotes.
    JsonWriter &plainString(std::string_view text);
    JsonWriter &number(qint64 value);
    JsonWriter &real(double value);
    JsonWriter &boolean(bool value);
    JsonWriter &null();
    /// A value that is already JSON text.
    JsonWriter &raw(QByteArrayView json);

    template<typename T>
    JsonWriter &stringField(std::string_view name, const T &value) { return key(name).string(value); }
    JsonWriter &plainField(std::string_view name, std::string_view text) { return key(name).plainString(text); }
    JsonWriter &numberField(std::string_view name, qint64 value) { return key(name).number(value); }
    JsonWriter &realField(std::string_view name, double value) { return key(name).real(value); }
    JsonWriter &boolField(std::string_view name, bool value) { return key(name).boolean(value); }
    JsonWriter &nullField(std::string_view name) { return key(name).null(); }
    JsonWriter &emptyArrayField(std::string_view name) { return key(name).beginArray().endArray(); }
    JsonWriter &emptyObjectField(std::string_view name) { return key(name).beginObject().endObject(); }
    /// null when the value is absent ("not reported"), never 0.
    JsonWriter &optionalNumberField(std::string_view name, std::optional<qint64> value)
    {
        return value ? numberField(name, *value) : nullField(name);
    }
    /// null for an empty string.
    JsonWriter &stringOrNullField(std::string_view name, QByteArrayView utf8)
    {
        return utf8.isEmpty() ? nullField(name) : stringField(name, utf8);
    }

    /// Moves staged output into the QByteArray.
    void flush();

private:
    void beforeValue();
    void afterValue()
    {
        if (m_depth == 0)
            flush();
    }
    void put(char c)
    {
        if (m_staged == qsizetype(sizeof m_stage))
            flush();
        m_stage[m_staged++] = c;
    }
    void put(const char *data, qsizetype size);
    void escaped(std::string_view utf8);

    QByteArray &m_out;
    quint64 m_hasElements = 0; // one bit per nesting level: does this container already hold something?
    int m_depth = 0;
    bool m_afterKey = false;
    qsizetype m_staged = 0;
    char m_stage[4096];

    friend void appendJsonEscaped(QByteArray &out, std::string_view utf8);
};

/// Escapes UTF-8 text into a JSON string body (without the quotes).
void appendJsonEscaped(QByteArray &out, std::string_view utf8);

} // namespace lettascope::demo
