// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace lettascope::store {

/// The words of a search as the FTS query uses them: runs of word characters (dots, dashes and slashes
/// inside a word kept), in order.
QStringList searchWords(const QString &text);

/// The first match of `words` in `text` with some context, matched words between [ and ], "…" where the
/// text was cut; empty when no word occurs. Linear in the text: FTS5's own snippet() is quadratic in the
/// number of matches and takes minutes on a 10 MB message full of them.
QString searchSnippet(QStringView text, const QStringList &words);

} // namespace lettascope::store
