// SPDX-License-Identifier: MIT
#include "analyticscharts.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QGuiApplication>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using lettascope::analytics::AnalyticsResult;
using lettascope::analytics::BucketStats;

namespace lettascope::ui::analytics {

namespace {

QString bucketLabel(const AnalyticsResult &result, const BucketStats &bucket)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(bucket.startMs, Qt::UTC).date();
    return result.filter.bucket == lettascope::analytics::Bucket::Week ? u"w/c "_s + day.toString(u"MM-dd"_s)
                                                                       : day.toString(u"MM-dd"_s);
}

QStringList bucketLabels(const AnalyticsResult &result)
{
    QStringList labels;
    for (const BucketStats &bucket : result.buckets)
        labels << bucketLabel(result, bucket);
    return labels;
}

void showPointOnHover(QLineSeries *series, const QStringList &categories, const QString &unit)
{
    QObject::connect(series, &QLineSeries::hovered, series, [series, categories, unit](const QPointF &point, bool on) {
        const int index = qRound(point.x());
        if (on && index >= 0 && index < categories.size())
            QToolTip::showText(QCursor::pos(), u"%1 · %2: %3 %4"_s.arg(categories[index], series->name())
                                                   .arg(point.y(), 0, 'f', 1).arg(unit));
        else
            QToolTip::hideText();
    });
}

QValueAxis *valueAxis(QChart *chart, const QString &title, double max)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(0, max > 0 ? max : 1);
    axis->applyNiceNumbers();
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

QLineSeries *lineOver(QChart *chart, const QString &name, const QList<std::optional<double>> &values,
                      QAbstractAxis *x, QAbstractAxis *y)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPointsVisible(true);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values[i])
            series->append(double(i), *values[i]);
    }
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}

} // namespace

QBarCategoryAxis *categoryAxis(QChart *chart, const QStringList &labels)
{
    auto *axis = new QBarCategoryAxis;
    axis->append(labels);
    axis->setTruncateLabels(false);
    if (labels.size() > 14) {
        // Many buckets: vertical, smaller labels, or the axis elides every one of them.
        axis->setLabelsAngle(-90);
        QFont font = axis->labelsFont();
        font.setPointSizeF(std::max(6.0, font.pointSizeF() - 2));
        axis->setLabelsFont(font);
    }
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

void showCounts(QValueAxis *axis, int most)
{
    axis->setLabelFormat(u"%.0f"_s);
    if (most < 5) {
        // Nice numbers would put ticks at halves, which a count never is.
        axis->setRange(0, std::max(most, 1));
        axis->setTickCount(std::max(most, 1) + 1);
        return;
    }
    axis->setRange(0, most);
    axis->applyNiceNumbers();
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    // The theme first: setting it later would repaint every series in the theme's colours.
    const bool dark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void showValueOnHover(QBarSet *set, const QStringList &categories)
{
    QObject::connect(set, &QBarSet::hovered, set, [set, categories](bool on, int index) {
        if (on && index >= 0 && index < categories.size())
            QToolTip::showText(QCursor::pos(), u"%1 · %2: %3"_s.arg(categories[index], set->label()).arg(set->at(index)));
        else
            QToolTip::hideText();
    });
}

void addHorizontalBars(QChart *chart, const QStringList &labels, const QList<QBarSet *> &sets, int most)
{
    auto *series = new QHorizontalBarSeries;
    for (QBarSet *set : sets) {
        showValueOnHover(set, labels);
        series->append(set);
    }
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(labels);
    y->setTruncateLabels(false);
    chart->addAxis(y, Qt::AlignLeft);
    auto *x = new QValueAxis;
    showCounts(x, most);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
}

void onBarClicked(QChart *chart, const std::function<void(int set, int index, const QString &category)> &handler)
{
    for (QAbstractSeries *series : chart->series()) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(series);
        if (!bars)
            continue;
        QStringList categories;
        for (QAbstractAxis *axis : bars->attachedAxes()) {
            if (auto *categoryAxis = qobject_cast<QBarCategoryAxis *>(axis))
                categories = categoryAxis->categories();
        }
        const QList<QBarSet *> sets = bars->barSets();
        for (int s = 0; s < sets.size(); ++s) {
            QObject::connect(sets[s], &QBarSet::clicked, sets[s], [handler, s, categories](int index) {
                handler(s, index, categories.value(index));
            });
        }
    }
}

void onPointClicked(QChart *chart, const std::function<void(int index)> &handler)
{
    for (QAbstractSeries *series : chart->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            QObject::connect(line, &QLineSeries::clicked, line, [handler](const QPointF &point) { handler(qRound(point.x())); });
    }
}

QChart *runsChart(const AnalyticsResult &result)
{
    QChart *chart = newChart(QObject::tr("Runs per %1").arg(result.filter.bucket == lettascope::analytics::Bucket::Week
                                                                ? QObject::tr("week") : QObject::tr("day")));
    const QStringList labels = bucketLabels(result);
    auto *completed = new QBarSet(QObject::tr("completed"));
    auto *failed = new QBarSet(QObject::tr("failed"));
    auto *cancelled = new QBarSet(QObject::tr("cancelled"));
    auto *other = new QBarSet(QObject::tr("other (running, max tokens …)"));
    int most = 0;
    for (const BucketStats &bucket : result.buckets) {
        *completed << bucket.completed;
        *failed << bucket.failed;
        *cancelled << bucket.cancelled;
        *other << bucket.runs - bucket.completed - bucket.failed - bucket.cancelled;
        most = std::max(most, bucket.runs);
    }
    completed->setColor(QColor(0x2e, 0xa0, 0x43));
    failed->setColor(QColor(0xd7, 0x3a, 0x49));
    cancelled->setColor(QColor(0x9a, 0x6e, 0x00));
    other->setColor(QColor(0x6e, 0x77, 0x81));
    auto *series = new QStackedBarSeries;
    for (QBarSet *set : {completed, failed, cancelled, other}) {
        showValueOnHover(set, labels);
        series->append(set);
    }
    chart->addSeries(series);
    series->attachAxis(categoryAxis(chart, labels));
    series->attachAxis(valueAxis(chart, QObject::tr("runs"), most));
    return chart;
}

QChart *ratesChart(const AnalyticsResult &result)
{
    QChart *chart = newChart(QObject::tr("Success and failure rate"));
    const QStringList labels = bucketLabels(result);
    QList<std::optional<double>> success, failure;
    for (const BucketStats &bucket : result.buckets) {
        success << (bucket.successRate ? std::optional<double>(*bucket.successRate * 100) : std::nullopt);
        failure << (bucket.failureRate ? std::optional<double>(*bucket.failureRate * 100) : std::nullopt);
    }
    QAbstractAxis *x = categoryAxis(chart, labels);
    QAbstractAxis *y = valueAxis(chart, u"%"_s, 100);
    showPointOnHover(lineOver(chart, QObject::tr("success"), success, x, y), labels, u"%"_s);
    showPointOnHover(lineOver(chart, QObject::tr("failure"), failure, x, y), labels, u"%"_s);
    return chart;
}

QChart *durationChart(const AnalyticsResult &result)
{
    QChart *chart = newChart(QObject::tr("Run duration percentiles"));
    const QStringList labels = bucketLabels(result);
    QList<std::optional<double>> p50, p90, p99;
    double most = 0;
    for (const BucketStats &bucket : result.buckets) {
        const auto seconds = [&bucket](qint64 lettascope::analytics::Percentiles::*field) -> std::optional<double> {
            if (!bucket.durationNs)
                return std::nullopt;
            return double((*bucket.durationNs).*field) / 1e9;
        };
        p50 << seconds(&lettascope::analytics::Percentiles::p50);
        p90 << seconds(&lettascope::analytics::Percentiles::p90);
        p99 << seconds(&lettascope::analytics::Percentiles::p99);
        most = std::max(most, p99.last().value_or(0));
    }
    QAbstractAxis *x = categoryAxis(chart, labels);
    QAbstractAxis *y = valueAxis(chart, QObject::tr("seconds"), most);
    showPointOnHover(lineOver(chart, u"p50"_s, p50, x, y), labels, u"s"_s);
    showPointOnHover(lineOver(chart, u"p90"_s, p90, x, y), labels, u"s"_s);
    showPointOnHover(lineOver(chart, u"p99"_s, p99, x, y), labels, u"s"_s);
    return chart;
}

QChart *toolsChart(const AnalyticsResult &result)
{
    QChart *chart = newChart(QObject::tr("Tool calls and errors (top 10)"));
    QStringList tools;
    auto *calls = new QBarSet(QObject::tr("calls"));
    auto *errors = new QBarSet(QObject::tr("errors"));
    errors->setColor(QColor(0xd7, 0x3a, 0x49));
    int most = 0;
    // Horizontal bars list bottom-up: reverse so the most used tool is on top.
    const auto top = result.tools.mid(0, 10);
    for (auto it = top.crbegin(); it != top.crend(); ++it) {
        tools << it->tool;
        *calls << it->calls;
        *errors << it->errors;
        most = std::max(most, it->calls);
    }
    addHorizontalBars(chart, tools, {calls, errors}, most);
    return chart;
}

QString bucketsCsv(const AnalyticsResult &result)
{
    const auto optional = [](const std::optional<double> &value, double scale = 1) {
        return value ? QString::number(*value * scale, 'f', 4) : QString();
    };
    QString csv = u"bucket_start,runs,completed,failed,cancelled,success_rate,failure_rate,p50_s,p90_s,p99_s\n"_s;
    for (const BucketStats &b : result.buckets) {
        const auto percentile = [&b](qint64 lettascope::analytics::Percentiles::*field) {
            return b.durationNs ? QString::number(double((*b.durationNs).*field) / 1e9, 'f', 3) : QString();
        };
        csv += QStringList{QDateTime::fromMSecsSinceEpoch(b.startMs, Qt::UTC).toString(Qt::ISODate),
                           QString::number(b.runs), QString::number(b.completed), QString::number(b.failed),
                           QString::number(b.cancelled), optional(b.successRate), optional(b.failureRate),
                           percentile(&lettascope::analytics::Percentiles::p50),
                           percentile(&lettascope::analytics::Percentiles::p90),
                           percentile(&lettascope::analytics::Percentiles::p99)}
                   .join(u',')
            + u'\n';
    }
    return csv;
}

} // namespace lettascope::ui::analytics
