// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace lettascope::letta {

/// One page of a list endpoint. Letta lists are plain arrays with no "has more" flag (letta-api.md §3),
/// so the page carries what the caller's pagination loop needs: how many elements the server sent
/// against the limit asked for, and the ids at both ends of the raw array. The ids come from the raw
/// elements, so a cursor still advances past an element that could not be parsed.
template<typename T>
struct Page {
    QList<T> items;         ///< parsed values, in server order
    int received = 0;       ///< elements in the server's array, parsed or not
    int skipped = 0;        ///< elements that could not be parsed; they stay in `raw`
    QStringList problems;   ///< one line per skipped element
    int limit = 0;          ///< the limit sent; 0 when the server default applied
    QString firstId;
    QString lastId;
    QJsonArray raw;

    /// A short (or empty) page ends the list. With the server default limit only an empty page does.
    bool isLastPage() const { return received == 0 || (limit > 0 && received < limit); }
};

} // namespace lettascope::letta

Q_DECLARE_METATYPE(lettascope::letta::Page<lettascope::Agent>)
Q_DECLARE_METATYPE(lettascope::letta::Page<lettascope::Run>)
Q_DECLARE_METATYPE(lettascope::letta::Page<lettascope::Step>)
Q_DECLARE_METATYPE(lettascope::letta::Page<lettascope::Message>)
Q_DECLARE_METATYPE(lettascope::letta::Page<lettascope::Job>)
Q_DECLARE_METATYPE(lettascope::letta::Page<lettascope::Resource>)
