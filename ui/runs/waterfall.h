// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QList>
#include <QWidget>

namespace lettascope::ui::runs {

/// One step's bar in the waterfall, as fractions of the run's span (0..1), so the math is testable without
/// pixels. Steps without metrics get no bar.
struct WaterfallBar {
    int step = 0;           ///< 1-based step number
    double start = 0;       ///< step start
    double end = 0;         ///< step end
    double llmStart = 0;    ///< LLM request, inside the step
    double llmEnd = 0;
    QString label;
};

struct WaterfallLayout {
    QList<WaterfallBar> bars;
    qint64 spanNs = 0;      ///< first step start to last step end
};

WaterfallLayout layoutWaterfall(const QList<Step> &steps);

/// Paints the timing waterfall of a run's steps from their metrics.
class WaterfallWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaterfallWidget)
public:
    explicit WaterfallWidget(QWidget *parent = nullptr);
    void setSteps(const QList<Step> &steps);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    WaterfallLayout m_layout;
};

} // namespace lettascope::ui::runs
