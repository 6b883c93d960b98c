// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

namespace lettascope::ui {

/// Says that the built-in demo server is what the window shows, with a one-click way to add a real one.
class DemoBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoBanner)
public:
    explicit DemoBanner(QWidget *parent = nullptr);

Q_SIGNALS:
    void addServerRequested();
};

} // namespace lettascope::ui
