// SPDX-License-Identifier: MIT
#include "trajectorycharts.h"

#include "analyticscharts.h"
#include "trajectories/scoretext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;
using lettascope::analytics::LabelCount;
using lettascope::analytics::MapPoint;

namespace lettascope::ui::analytics {

namespace {

struct Tier {
    const char *name;
    QColor color;
    bool (*holds)(const std::optional<double> &score);
};

// The contrasts panel's tiers, so a colour on the map means what it means in the Trajectories tab.
const Tier kTiers[] = {
    {QT_TRANSLATE_NOOP("TrajectoryCharts", "score ≥ 0.70"), QColor(0x2e, 0xa0, 0x43),
     [](const std::optional<double> &s) { return s && *s >= 0.7; }},
    // No "<" in a name: legends read names as rich text.
    {QT_TRANSLATE_NOOP("TrajectoryCharts", "score in (0.30, 0.70)"), QColor(0xd2, 0x9a, 0x22),
     [](const std::optional<double> &s) { return s && *s > 0.3 && *s < 0.7; }},
    {QT_TRANSLATE_NOOP("TrajectoryCharts", "score ≤ 0.30"), QColor(0xd7, 0x3a, 0x49),
     [](const std::optional<double> &s) { return s && *s <= 0.3; }},
    {QT_TRANSLATE_NOOP("TrajectoryCharts", "not scored"), QColor(0x8b, 0x94, 0x9e),
     [](const std::optional<double> &s) { return !s.has_value(); }},
};

QScatterSeries *tierSeries(QChart *chart, const Tier &tier, const QList<MapPoint> &points,
                           const std::function<void(const MapPoint &)> &onClick)
{
    auto *series = new QScatterSeries;
    series->setName(QCoreApplication::translate("TrajectoryCharts", tier.name));
    series->setColor(tier.color);
    series->setBorderColor(tier.color.darker(130));
    series->setMarkerSize(7);
    QList<QPointF> xy;
    xy.reserve(points.size());
    for (const MapPoint &point : points)
        xy << QPointF(point.x, point.y);
    series->replace(xy);
    chart->addSeries(series);
    // Points are stored exactly as given, so the hovered or clicked position finds its trajectory.
    const auto find = [points](const QPointF &at) -> const MapPoint * {
        const auto it = std::find_if(points.cbegin(), points.cend(),
                                     [at](const MapPoint &p) { return p.x == at.x() && p.y == at.y(); });
        return it == points.cend() ? nullptr : &*it;
    };
    QObject::connect(series, &QScatterSeries::hovered, series, [find](const QPointF &at, bool on) {
        const MapPoint *point = on ? find(at) : nullptr;
        if (point)
            QToolTip::showText(QCursor::pos(), u"%1 · %2"_s.arg(lettascope::trajectories::scoreText(point->score),
                                                                point->summary.isEmpty() ? QObject::tr("(no summary yet)")
                                                                                         : point->summary));
        else
            QToolTip::hideText();
    });
    QObject::connect(series, &QScatterSeries::clicked, series, [find, onClick](const QPointF &at) {
        if (const MapPoint *point = find(at))
            onClick(*point);
    });
    return series;
}

} // namespace

QString scoreBinLabel(int bin)
{
    return QString::number(double(bin) / lettascope::analytics::kScoreBins, 'f', 1);
}

QChart *scoreChart(const lettascope::analytics::TrajectoryStats &stats)
{
    QChart *chart = newChart(QObject::tr("Learning-value score (%n scored trajectories)", nullptr, stats.scored));
    QStringList labels;
    auto *set = new QBarSet(QObject::tr("trajectories"));
    set->setColor(QColor(0x3b, 0x82, 0xc4));
    int most = 0;
    for (int bin = 0; bin < stats.scoreBins.size(); ++bin) {
        labels << scoreBinLabel(bin);
        *set << stats.scoreBins[bin];
        most = std::max(most, stats.scoreBins[bin]);
    }
    showValueOnHover(set, labels);
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    QBarCategoryAxis *x = categoryAxis(chart, labels);
    x->setTitleText(QObject::tr("score (bin start)"));
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setTitleText(QObject::tr("trajectories"));
    showCounts(y, most);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

QChart *labelChart(const QString &title, const QList<LabelCount> &counts)
{
    QChart *chart = newChart(counts.isEmpty() ? QObject::tr("%1 — none yet").arg(title) : title);
    QStringList labels;
    auto *set = new QBarSet(QObject::tr("trajectories"));
    set->setColor(QColor(0x3b, 0x82, 0xc4));
    int most = 0;
    for (auto it = counts.crbegin(); it != counts.crend(); ++it) { // bottom-up: the largest ends on top
        labels << it->label;
        *set << it->count;
        most = std::max(most, it->count);
    }
    addHorizontalBars(chart, labels, {set}, most);
    chart->legend()->hide();
    return chart;
}

QChart *semanticMapChart(const lettascope::analytics::SemanticMap &map,
                         const std::function<void(const MapPoint &)> &onClick)
{
    const QString title = map.points.size() < map.embedded
        ? QObject::tr("Semantic map: the %1 most recent of %2 trajectories, similar ones close together")
              .arg(map.points.size()).arg(map.embedded)
        : QObject::tr("Semantic map of %n trajectories, similar ones close together", nullptr, int(map.points.size()));
    QChart *chart = newChart(title);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    for (const MapPoint &p : map.points) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    // A margin so markers on the edge are drawn whole; a flat map still gets an extent.
    const double padX = std::max((maxX - minX) * 0.05, 1e-3), padY = std::max((maxY - minY) * 0.05, 1e-3);
    x->setRange(minX - padX, maxX + padX);
    y->setRange(minY - padY, maxY + padY);
    for (QValueAxis *axis : {x, y})
        axis->setLabelsVisible(false); // principal-component units mean nothing to a reader
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const Tier &tier : kTiers) {
        QList<MapPoint> points;
        std::copy_if(map.points.cbegin(), map.points.cend(), std::back_inserter(points),
                     [&tier](const MapPoint &p) { return tier.holds(p.score); });
        QScatterSeries *series = tierSeries(chart, tier, points, onClick);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    return chart;
}

} // namespace lettascope::ui::analytics
