// SPDX-License-Identifier: MIT
#include "trajectorypanel.h"

#include "analyticscharts.h"
#include "chartswapper.h"
#include "trajectorycharts.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace core = lettascope::analytics;

namespace lettascope::ui::analytics {

namespace {
enum Chart { Scores, Complexity, Categories, Tags, Map, ChartCount };
const char *const kChartNames[] = {"scoreChart", "complexityChart", "categoryChart", "tagChart", "semanticMap"};
} // namespace

TrajectoryPanel::TrajectoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(tr("Waiting for the cache…"), this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(u"trajectoryCharts"_s);
    m_summary->setObjectName(u"trajectoryChartsSummary"_s);
    m_summary->setWordWrap(true);
    m_empty->setObjectName(u"trajectoryChartsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto *grid = new QWidget(m_pages);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < ChartCount; ++i) {
        auto *view = new QChartView(grid);
        view->setObjectName(QLatin1StringView(kChartNames[i]));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(200);
        m_charts << view;
    }
    m_swapper = new ChartSwapper(m_charts, this);
    // The map needs room to separate clusters: it takes the right half, the four bar charts the left.
    layout->addWidget(m_charts[Scores], 0, 0);
    layout->addWidget(m_charts[Complexity], 0, 1);
    layout->addWidget(m_charts[Categories], 1, 0);
    layout->addWidget(m_charts[Tags], 1, 1);
    layout->addWidget(m_charts[Map], 0, 2, 2, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 2);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(grid);

    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_summary);
    box->addWidget(m_pages, 1);
}

void TrajectoryPanel::setStats(const core::TrajectoryStats &stats)
{
    m_summary->setText(summaryText(stats));
    if (stats.scored == 0 && stats.labelled == 0 && stats.map.points.isEmpty()) {
        m_swapper->cancel();
        m_stats = stats;
        m_empty->setText(stats.trajectories == 0
                             ? tr("No trajectories in this range yet. Finished runs become trajectories after a sync.")
                             : tr("No trajectories processed yet: %n wait(s) for processing (Jobs → Background "
                                  "processing). Scores, labels and the semantic map appear as they are processed.",
                                  nullptr, stats.trajectories));
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    const core::AnalyticsFilter filter = stats.filter;
    const QList<QChart *> charts{
        scoreChart(stats), labelChart(tr("Complexity"), stats.complexities), labelChart(tr("Categories"), stats.categories),
        labelChart(tr("Tags (top %1)").arg(core::kTopTags), stats.tags),
        semanticMapChart(stats.map, [this, filter](const core::MapPoint &point) {
            Q_EMIT drillDownRequested(oneTrajectory(filter, point));
        })};
    onBarClicked(charts[Scores], [this, filter](int, int bin, const QString &) {
        Q_EMIT drillDownRequested(scoreTrajectories(filter, bin));
    });
    const std::pair<Chart, TrajectoryLabel> labelled[] = {
        {Complexity, TrajectoryLabel::Complexity}, {Categories, TrajectoryLabel::Category}, {Tags, TrajectoryLabel::Tag}};
    for (const auto &[chart, kind] : labelled) {
        onBarClicked(charts[chart], [this, filter, kind = kind](int, int, const QString &label) {
            Q_EMIT drillDownRequested(labelTrajectories(filter, kind, label));
        });
    }
    m_swapper->swap(charts, [this, stats] {
        m_stats = stats;
        m_pages->setCurrentIndex(1);
        m_summary->setText(summaryText(stats) + tr(" · click a bar or a point to list its trajectories"));
    });
}

QString TrajectoryPanel::summaryText(const core::TrajectoryStats &stats) const
{
    const QLocale locale;
    QString text = tr("%1 trajectories · %2 scored · %3 labelled")
                       .arg(locale.toString(stats.trajectories), locale.toString(stats.scored),
                            locale.toString(stats.labelled));
    if (!stats.map.modelKey.isEmpty()) {
        text += tr(" · map of %1 embedded with %2").arg(locale.toString(stats.map.embedded), stats.map.modelKey);
        if (stats.map.points.size() < stats.map.embedded)
            text += tr(" (the %1 most recent shown)").arg(locale.toString(stats.map.points.size()));
    }
    return text;
}

} // namespace lettascope::ui::analytics
