// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

class QLineEdit;
class QObject;
class QString;
class QWidget;

namespace lettascope::ui::viewsetup {

/// The list | detail split every tab uses, with its sizes persisted under `name`.
QWidget *listDetailSplit(const QString &name, QWidget *list, QWidget *detail, QWidget *parent);

/// `page` in a frameless scroll area: a page with a tall minimum (a form, a grid of charts) scrolls on a short
/// screen instead of pushing the whole window taller than the screen.
QWidget *scrolling(QWidget *page, QWidget *parent);

/// Calls `fn` once typing in `edit` pauses, so a filter does not run a query per keystroke.
void onTypingSettled(QLineEdit *edit, QObject *context, std::function<void()> fn);

} // namespace lettascope::ui::viewsetup
