// SPDX-License-Identifier: MIT
#include "openapivalidator.h"

#include "common/timestamps.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace testsupport {

namespace {

constexpr int kMaxDepth = 64;

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"boolean"_s;
    case QJsonValue::Double: return u"number"_s;
    case QJsonValue::String: return u"string"_s;
    case QJsonValue::Array: return u"array"_s;
    case QJsonValue::Object: return u"object"_s;
    default: return u"undefined"_s;
    }
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"integer") {
        const double number = value.toDouble();
        return value.isDouble() && std::isfinite(number) && std::floor(number) == number;
    }
    return typeOf(value) == type;
}

QString escapePointer(QString token)
{
    return token.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
}

QString describe(const QJsonValue &value)
{
    if (value.isObject() || value.isArray())
        return typeOf(value);
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, qMin<qsizetype>(text.size() - 2, 80)));
}

} // namespace

OpenApiValidator::OpenApiValidator(QJsonObject document, Options options)
    : m_document(std::move(document))
    , m_options(options)
{
}

OpenApiValidator OpenApiValidator::fromFixture(const QString &relativePath, Options options)
{
    return OpenApiValidator(readJsonFixture(relativePath).object(), options);
}

QJsonObject OpenApiValidator::resolve(const QString &reference) const
{
    if (!reference.startsWith(u"#/"))
        return {};
    QJsonValue current = m_document;
    for (QString token : reference.mid(2).split(u'/')) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        current = current.toObject().value(token);
    }
    return current.toObject();
}

QJsonObject OpenApiValidator::component(const QString &name) const
{
    return resolve(u"#/components/schemas/"_s + name);
}

std::optional<QJsonObject> OpenApiValidator::responseSchema(const QString &pathTemplate, const QString &method,
                                                            int status) const
{
    const QJsonObject operation =
        m_document.value(u"paths"_s).toObject().value(pathTemplate).toObject().value(method.toLower()).toObject();
    const QJsonObject response = operation.value(u"responses"_s).toObject().value(QString::number(status)).toObject();
    const QJsonValue schema = response.value(u"content"_s).toObject().value(u"application/json"_s).toObject().value(u"schema"_s);
    if (!schema.isObject())
        return std::nullopt;
    return schema.toObject();
}

QStringList OpenApiValidator::validate(const QJsonValue &value, const QJsonObject &schema) const
{
    QStringList errors;
    check(value, schema, QString(), errors, 0);
    return errors;
}

QStringList OpenApiValidator::validateComponent(const QJsonValue &value, const QString &name) const
{
    const QJsonObject schema = component(name);
    if (schema.isEmpty())
        return {u"no component schema named %1"_s.arg(name)};
    return validate(value, schema);
}

QStringList OpenApiValidator::validateResponse(const QString &pathTemplate, const QString &method, int status,
                                               const QByteArray &body) const
{
    const auto schema = responseSchema(pathTemplate, method, status);
    if (!schema)
        return {u"the spec declares no JSON %1 response for %2 %3"_s.arg(status).arg(method, pathTemplate)};
    QJsonParseError parseError;
    // Wrapping keeps scalars and null (e.g. a step trace) parseable with QJsonDocument.
    const QJsonDocument document = QJsonDocument::fromJson("[" + body + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1)
        return {u"body is not JSON: %1"_s.arg(parseError.errorString())};
    return validate(document.array().first(), *schema);
}

void OpenApiValidator::check(const QJsonValue &value, const QJsonObject &schema, const QString &pointer,
                             QStringList &errors, int depth) const
{
    if (depth > kMaxDepth) {
        errors << pointer + u": schema nesting too deep"_s;
        return;
    }
    if (schema.contains(u"$ref"_s)) {
        const QJsonObject target = resolve(schema.value(u"$ref"_s).toString());
        if (target.isEmpty())
            errors << pointer + u": unresolved $ref %1"_s.arg(schema.value(u"$ref"_s).toString());
        else
            check(value, target, pointer, errors, depth + 1);
        return;
    }
    if (value.isNull() && schema.value(u"nullable"_s).toBool())
        return;
    checkType(value, schema, pointer, errors);
    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value))
        errors << pointer + u": %1 is not one of the enum values"_s.arg(describe(value));
    if (schema.contains(u"const"_s) && schema.value(u"const"_s) != value)
        errors << pointer + u": %1 is not the constant %2"_s.arg(describe(value), describe(schema.value(u"const"_s)));
    if (value.isString())
        checkString(value.toString(), schema, pointer, errors);
    if (value.isDouble()) {
        if (schema.contains(u"minimum"_s) && value.toDouble() < schema.value(u"minimum"_s).toDouble())
            errors << pointer + u": %1 is below the minimum"_s.arg(describe(value));
        if (schema.contains(u"maximum"_s) && value.toDouble() > schema.value(u"maximum"_s).toDouble())
            errors << pointer + u": %1 is above the maximum"_s.arg(describe(value));
    }
    if (value.isObject())
        checkObject(value.toObject(), schema, pointer, errors, depth);
    if (value.isArray() && schema.value(u"items"_s).isObject()) {
        const QJsonArray items = value.toArray();
        const QJsonObject itemSchema = schema.value(u"items"_s).toObject();
        for (qsizetype i = 0; i < items.size(); ++i)
            check(items.at(i), itemSchema, pointer + u'/' + QString::number(i), errors, depth + 1);
    }
    checkCombinators(value, schema, pointer, errors, depth);
}

void OpenApiValidator::checkType(const QJsonValue &value, const QJsonObject &schema, const QString &pointer,
                                 QStringList &errors) const
{
    const QJsonValue type = schema.value(u"type"_s);
    if (type.isUndefined())
        return;
    QStringList allowed;
    if (type.isArray()) {
        for (const QJsonValue &entry : type.toArray())
            allowed << entry.toString();
    } else {
        allowed << type.toString();
    }
    for (const QString &candidate : allowed) {
        if (hasType(value, candidate) || (candidate == u"number" && value.isDouble()))
            return;
    }
    errors << pointer + u": expected %1, got %2"_s.arg(allowed.join(u'|'), describe(value));
}

void OpenApiValidator::checkString(const QString &text, const QJsonObject &schema, const QString &pointer,
                                   QStringList &errors) const
{
    if (schema.contains(u"minLength"_s) && text.size() < schema.value(u"minLength"_s).toInt())
        errors << pointer + u": string shorter than minLength"_s;
    if (schema.contains(u"maxLength"_s) && text.size() > schema.value(u"maxLength"_s).toInt())
        errors << pointer + u": string longer than maxLength"_s;
    if (schema.contains(u"pattern"_s)) {
        const QString pattern = schema.value(u"pattern"_s).toString();
        auto it = m_patterns.find(pattern);
        if (it == m_patterns.end())
            it = m_patterns.insert(pattern, QRegularExpression(pattern));
        // JSON Schema patterns are unanchored searches.
        if (!it->match(text).hasMatch())
            errors << pointer + u": \"%1\" does not match /%2/"_s.arg(text.left(80), pattern);
    }
    if (m_options.checkFormats && schema.value(u"format"_s).toString() == u"date-time"
        && !lettascope::parseTimestamp(text))
        errors << pointer + u": \"%1\" is not a date-time"_s.arg(text.left(80));
}

void OpenApiValidator::checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &pointer,
                                   QStringList &errors, int depth) const
{
    for (const QJsonValue &required : schema.value(u"required"_s).toArray()) {
        if (!object.contains(required.toString()))
            errors << pointer + u": missing required property \"%1\""_s.arg(required.toString());
    }
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    const QJsonValue additional = schema.value(u"additionalProperties"_s);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString child = pointer + u'/' + escapePointer(it.key());
        if (properties.contains(it.key()))
            check(it.value(), properties.value(it.key()).toObject(), child, errors, depth + 1);
        else if (additional.isObject())
            check(it.value(), additional.toObject(), child, errors, depth + 1);
        else if (additional.isBool() && !additional.toBool() && m_options.strictAdditionalProperties)
            errors << child + u": property not allowed by the schema"_s;
    }
}

void OpenApiValidator::checkCombinators(const QJsonValue &value, const QJsonObject &schema, const QString &pointer,
                                        QStringList &errors, int depth) const
{
    for (const QJsonValue &part : schema.value(u"allOf"_s).toArray())
        check(value, part.toObject(), pointer, errors, depth + 1);

    const QJsonObject discriminator = schema.value(u"discriminator"_s).toObject();
    if (!discriminator.isEmpty() && value.isObject()) {
        // OpenAPI: the discriminator names the one branch to validate against.
        const QString property = discriminator.value(u"propertyName"_s).toString();
        const QJsonValue tag = value.toObject().value(property);
        const QString target = discriminator.value(u"mapping"_s).toObject().value(tag.toString()).toString();
        if (target.isEmpty())
            errors << pointer + u": discriminator %1 = %2 matches no mapping"_s.arg(property, describe(tag));
        else
            check(value, resolve(target), pointer, errors, depth + 1);
        return;
    }

    for (const auto &[keyword, exactlyOne] : {std::pair{u"anyOf"_s, false}, std::pair{u"oneOf"_s, true}}) {
        const QJsonArray branches = schema.value(keyword).toArray();
        if (branches.isEmpty())
            continue;
        int matching = 0;
        QStringList closest;
        for (const QJsonValue &branch : branches) {
            QStringList branchErrors;
            check(value, branch.toObject(), pointer, branchErrors, depth + 1);
            if (branchErrors.isEmpty())
                ++matching;
            else if (closest.isEmpty() || branchErrors.size() < closest.size())
                closest = branchErrors;
        }
        if (matching == 0)
            errors << pointer + u": matches none of the %1 branches; closest: %2"_s.arg(keyword, closest.join(u"; "_s));
        else if (exactlyOne && matching > 1)
            errors << pointer + u": matches %1 oneOf branches, expected exactly one"_s.arg(matching);
    }
}

} // namespace testsupport
