// SPDX-License-Identifier: MIT
#include "demoquery.h"

using namespace Qt::StringLiterals;

namespace lettascope::demo {

namespace {

QString location(const QString &key)
{
    return u"('query', '%1')"_s.arg(key);
}

} // namespace

QString DemoQuery::value(const QString &key) const
{
    return m_query.queryItemValue(key, QUrl::FullyDecoded);
}

QStringList DemoQuery::values(const QString &key) const
{
    return m_query.allQueryItemValues(key, QUrl::FullyDecoded);
}

void DemoQuery::fail(DemoReply reply)
{
    if (!m_error)
        m_error = std::move(reply);
}

int DemoQuery::limit(int fallback, std::optional<int> minimum, std::optional<int> maximum)
{
    if (!has(u"limit"_s))
        return fallback;
    const QString text = value(u"limit"_s);
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok) {
        fail(DemoReply::validation(location(u"limit"_s), u"int_parsing"_s,
                                   u"Input should be a valid integer, unable to parse string as an integer"_s, text));
        return fallback;
    }
    if (minimum && parsed < *minimum) {
        fail(DemoReply::validation(location(u"limit"_s), u"greater_than_equal"_s,
                                   u"Input should be greater than or equal to %1"_s.arg(*minimum), text));
        return fallback;
    }
    if (maximum && parsed > *maximum) {
        fail(DemoReply::validation(location(u"limit"_s), u"less_than_equal"_s,
                                   u"Input should be less than or equal to %1"_s.arg(*maximum), text));
        return fallback;
    }
    return parsed;
}

bool DemoQuery::descending(bool fallback)
{
    if (!has(u"order"_s)) {
        const auto ascending = flag(u"ascending"_s);
        return ascending ? !*ascending : fallback;
    }
    const QString text = value(u"order"_s);
    if (text == u"asc")
        return false;
    if (text == u"desc")
        return true;
    fail(DemoReply::validation(location(u"order"_s), u"literal_error"_s, u"Input should be 'asc' or 'desc'"_s, text));
    return fallback;
}

std::optional<bool> DemoQuery::flag(const QString &key)
{
    if (!has(key))
        return std::nullopt;
    const QString text = value(key).toLower();
    static const QStringList truthy{u"true"_s, u"1"_s, u"yes"_s, u"on"_s, u"t"_s, u"y"_s};
    static const QStringList falsy{u"false"_s, u"0"_s, u"no"_s, u"off"_s, u"f"_s, u"n"_s};
    if (truthy.contains(text))
        return true;
    if (falsy.contains(text))
        return false;
    fail(DemoReply::validation(location(key), u"bool_parsing"_s,
                               u"Input should be a valid boolean, unable to interpret input"_s, value(key)));
    return std::nullopt;
}

} // namespace lettascope::demo
