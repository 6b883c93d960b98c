// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace testsupport {

struct ValidatorOptions {
    bool strictAdditionalProperties = false; ///< enforce `additionalProperties: false`
    bool checkFormats = true;                ///< check "date-time" strings
};

/// Validates JSON against the schemas of an OpenAPI 3.1 document, for the subset the Letta spec uses:
/// $ref, type (also arrays of types and "null"), nullable, properties, required, additionalProperties
/// (boolean or schema), items, enum, const, anyOf, oneOf and allOf (with discriminator mapping),
/// pattern, min/maxLength, minimum/maximum, and format "date-time".
///
/// By default `additionalProperties: false` is not enforced: servers send fields the spec omits
/// (Step.organization_id) and the spec even requires undeclared ones (Archive.organization_id).
class OpenApiValidator
{
public:
    using Options = ValidatorOptions;

    explicit OpenApiValidator(QJsonObject document, Options options = {});
    static OpenApiValidator fromFixture(const QString &relativePath, Options options = {});

    /// The response schema declared for `method` on the path template (e.g. "/v1/runs/{run_id}"), or
    /// nullopt when the spec declares no JSON body for that status.
    std::optional<QJsonObject> responseSchema(const QString &pathTemplate, const QString &method, int status) const;
    /// The JSON object at "#/components/schemas/<name>".
    QJsonObject component(const QString &name) const;

    /// Empty when `value` conforms; otherwise one line per problem, "<JSON pointer>: <what>".
    QStringList validate(const QJsonValue &value, const QJsonObject &schema) const;
    QStringList validateComponent(const QJsonValue &value, const QString &name) const;
    /// Parses `body` and validates it against the declared response; a missing declaration is an error.
    QStringList validateResponse(const QString &pathTemplate, const QString &method, int status,
                                 const QByteArray &body) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &pointer, QStringList &errors,
               int depth) const;
    void checkType(const QJsonValue &value, const QJsonObject &schema, const QString &pointer,
                   QStringList &errors) const;
    void checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &pointer,
                     QStringList &errors, int depth) const;
    void checkCombinators(const QJsonValue &value, const QJsonObject &schema, const QString &pointer,
                          QStringList &errors, int depth) const;
    void checkString(const QString &text, const QJsonObject &schema, const QString &pointer,
                     QStringList &errors) const;
    QJsonObject resolve(const QString &reference) const;

    QJsonObject m_document;
    Options m_options;
    mutable QHash<QString, QRegularExpression> m_patterns;
};

} // namespace testsupport
