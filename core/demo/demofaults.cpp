// SPDX-License-Identifier: MIT
#include "demofaults.h"

using namespace Qt::StringLiterals;

namespace lettascope::demo {

namespace {

std::optional<FaultRule> ruleForKind(QStringView name)
{
    FaultRule rule;
    if (name == u"latency") {
        rule.kind = FaultKind::Latency;
    } else if (name == u"429" || name == u"rate-limit") {
        rule.kind = FaultKind::RateLimit;
    } else if (name == u"500" || name == u"502" || name == u"503") {
        rule.kind = FaultKind::ServerError;
        rule.status = name.toInt();
    } else if (name == u"401" || name == u"unauthorized") {
        rule.kind = FaultKind::Unauthorized;
    } else if (name == u"truncate") {
        rule.kind = FaultKind::TruncatedBody;
    } else if (name == u"malformed") {
        rule.kind = FaultKind::MalformedJson;
    } else if (name == u"unknown-type") {
        rule.kind = FaultKind::UnknownMessageType;
    } else if (name == u"huge-message") {
        rule.kind = FaultKind::HugeMessage;
    } else if (name == u"steps-400") {
        // Only the org-wide list fails on those versions; /v1/steps/{id}/metrics keeps working.
        rule.kind = FaultKind::BadRequestOrder;
        rule.pathPrefix = u"/v1/steps"_s;
        rule.exactPath = true;
    } else {
        return std::nullopt;
    }
    return rule;
}

} // namespace

Result<FaultRule> FaultRule::parse(QStringView spec)
{
    const qsizetype colon = spec.indexOf(u':');
    const QStringView name = colon < 0 ? spec : spec.first(colon);
    auto rule = ruleForKind(name.trimmed());
    if (!rule)
        return Error{ErrorKind::BadRequest, u"unknown fault kind '%1'"_s.arg(name)};
    if (colon < 0)
        return *rule;
    for (const auto option : spec.sliced(colon + 1).tokenize(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = option.indexOf(u'=');
        if (equals < 0)
            return Error{ErrorKind::BadRequest, u"fault option '%1' needs key=value"_s.arg(option)};
        const QStringView key = option.first(equals).trimmed();
        const QStringView value = option.sliced(equals + 1).trimmed();
        bool ok = true;
        if (key == u"path")
            rule->pathPrefix = value.toString();
        else if (key == u"first")
            rule->firstN = value.toInt(&ok);
        else if (key == u"p")
            rule->probability = value.toDouble(&ok);
        else if (key == u"ms")
            rule->latencyMs = value.toInt(&ok);
        else if (key == u"retry-after")
            rule->retryAfterSeconds = value.toInt(&ok);
        else
            return Error{ErrorKind::BadRequest, u"unknown fault option '%1'"_s.arg(key)};
        if (!ok || (key == u"p" && (rule->probability < 0 || rule->probability > 1)))
            return Error{ErrorKind::BadRequest, u"bad value for fault option '%1'"_s.arg(key)};
    }
    return *rule;
}

void DemoFaults::add(const FaultRule &rule)
{
    QMutexLocker lock(&m_mutex);
    // Each rule draws from its own stream, so adding a rule never changes another rule's choices.
    m_rules.push_back({rule, 0, DemoRandom(DemoRandom::mix(m_seed, m_rules.size()))});
}

void DemoFaults::clear()
{
    QMutexLocker lock(&m_mutex);
    m_rules.clear();
}

QList<FaultRule> DemoFaults::rules() const
{
    QMutexLocker lock(&m_mutex);
    QList<FaultRule> result;
    for (const Active &active : m_rules)
        result << active.rule;
    return result;
}

FaultDecision DemoFaults::decide(QStringView path, bool messageList)
{
    QMutexLocker lock(&m_mutex);
    FaultDecision decision;
    for (Active &active : m_rules) {
        const FaultRule &rule = active.rule;
        if (!path.startsWith(rule.pathPrefix))
            continue;
        if (rule.exactPath && path.size() > rule.pathPrefix.size() && path.sliced(rule.pathPrefix.size()) != u"/")
            continue;
        const bool changesBody = rule.kind == FaultKind::UnknownMessageType || rule.kind == FaultKind::HugeMessage;
        if (changesBody && !messageList)
            continue;
        if (rule.kind != FaultKind::Latency && decision.action)
            continue;
        if (rule.firstN >= 0 && active.applied >= rule.firstN)
            continue;
        if (rule.probability < 1.0 && !active.rng.chance(rule.probability))
            continue;
        ++active.applied;
        if (rule.kind == FaultKind::Latency)
            decision.delayMs += rule.latencyMs;
        else
            decision.action = rule;
    }
    return decision;
}

} // namespace lettascope::demo
