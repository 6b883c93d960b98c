// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace lettascope::ui {

/// One row of a list view, built off the GUI thread from a cache record: the display text per column, a
/// stable key for merging, and the record itself for detail views and exports.
struct TableRow {
    enum class Marker { None, Running, Failed, Stuck };

    QString key;            ///< unique within the model (entity id)
    QStringList cells;      ///< display text, one per column
    QVariant payload;       ///< the record (RunSummary, AgentSummary …)
    Marker marker = Marker::None;
    QString markerTip;      ///< why the row is marked, for the tooltip

    friend bool operator==(const TableRow &a, const TableRow &b)
    {
        return a.key == b.key && a.cells == b.cells && a.marker == b.marker && a.markerTip == b.markerTip;
    }
};

} // namespace lettascope::ui
