// SPDX-License-Identifier: MIT
#include "waterfall.h"

#include "ui/common/format.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace lettascope::ui::runs {

namespace {
constexpr int kRowHeight = 22;
constexpr int kLabelWidth = 90;
} // namespace

WaterfallLayout layoutWaterfall(const QList<Step> &steps)
{
    WaterfallLayout layout;
    std::optional<qint64> first;
    qint64 last = 0;
    for (const Step &step : steps) {
        if (!step.metrics || !step.metrics->stepStartNs || !step.metrics->stepNs)
            continue;
        const qint64 start = *step.metrics->stepStartNs;
        first = first ? qMin(*first, start) : start;
        last = qMax(last, start + *step.metrics->stepNs);
    }
    if (!first || last <= *first)
        return layout;
    layout.spanNs = last - *first;
    const double span = double(layout.spanNs);
    for (int i = 0; i < steps.size(); ++i) {
        const Step &step = steps.at(i);
        if (!step.metrics || !step.metrics->stepStartNs || !step.metrics->stepNs)
            continue;
        const StepMetrics &m = *step.metrics;
        WaterfallBar bar;
        bar.step = i + 1;
        bar.start = double(*m.stepStartNs - *first) / span;
        bar.end = double(*m.stepStartNs + *m.stepNs - *first) / span;
        if (m.llmRequestStartNs && m.llmRequestNs) {
            bar.llmStart = qBound(bar.start, double(*m.llmRequestStartNs - *first) / span, bar.end);
            bar.llmEnd = qBound(bar.llmStart, double(*m.llmRequestStartNs + *m.llmRequestNs - *first) / span, bar.end);
        }
        bar.label = u"LLM %1 · tools %2 · step %3"_s.arg(format::durationNs(m.llmRequestNs),
                                                         format::durationNs(m.toolExecutionNs),
                                                         format::durationNs(m.stepNs));
        layout.bars << bar;
    }
    return layout;
}

WaterfallWidget::WaterfallWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"waterfall"_s);
    setAccessibleName(tr("Step timing waterfall"));
}

void WaterfallWidget::setSteps(const QList<Step> &steps)
{
    m_layout = layoutWaterfall(steps);
    QStringList description;
    for (const auto &bar : std::as_const(m_layout.bars))
        description << tr("Step %1: %2").arg(bar.step).arg(bar.label);
    setAccessibleDescription(description.join(u"; "_s));
    updateGeometry();
    update();
}

QSize WaterfallWidget::sizeHint() const
{
    return {600, qMax(60, int(m_layout.bars.size() + 1) * kRowHeight + 10)};
}

void WaterfallWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    if (m_layout.bars.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No step timings yet: the server has not reported step metrics for this run."));
        return;
    }
    const int width = qMax(10, this->width() - kLabelWidth - 12);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(kLabelWidth, 0, width, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
               tr("total %1 · dark: LLM request").arg(format::durationNs(m_layout.spanNs)));
    const QColor stepColor = pal.color(QPalette::Highlight).lighter(150);
    const QColor llmColor = pal.color(QPalette::Highlight);
    for (int i = 0; i < m_layout.bars.size(); ++i) {
        const WaterfallBar &bar = m_layout.bars.at(i);
        const int y = (i + 1) * kRowHeight;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(0, y, kLabelWidth - 6, kRowHeight), Qt::AlignRight | Qt::AlignVCenter, tr("Step %1").arg(bar.step));
        const int x0 = kLabelWidth + int(bar.start * width);
        const int x1 = kLabelWidth + qMax(int(bar.end * width), int(bar.start * width) + 2);
        p.fillRect(QRect(x0, y + 4, x1 - x0, kRowHeight - 8), stepColor);
        if (bar.llmEnd > bar.llmStart)
            p.fillRect(QRect(kLabelWidth + int(bar.llmStart * width), y + 4,
                             qMax(2, int((bar.llmEnd - bar.llmStart) * width)), kRowHeight - 8), llmColor);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(x0 + 4, y, width, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter, bar.label);
    }
}

} // namespace lettascope::ui::runs
