// SPDX-License-Identifier: MIT
#pragma once

#include "texthash.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <unordered_map>

namespace lettascope::analytics {

/// Texts that repeat across rows (agents, statuses, stop reasons, tools, models, error signatures) decoded
/// once and then shared: a scan of 100,000 runs would otherwise allocate a string per row and column.
class TextPool
{
public:
    QString text(QByteArrayView utf8)
    {
        if (utf8.isNull())
            return {};
        // The lookup borrows the row's bytes; only a text seen for the first time is copied.
        const auto it = m_texts.find(utf8);
        if (it != m_texts.end())
            return it->second;
        return m_texts.emplace(utf8.toByteArray(), QString::fromUtf8(utf8)).first->second;
    }

private:
    std::unordered_map<QByteArray, QString, TextHash, TextEqual> m_texts;
};

} // namespace lettascope::analytics
