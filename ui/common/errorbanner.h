// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace lettascope::ui {

/// The page-level error tier: an inline strip at the top of a view with the message and Retry. Hidden when
/// there is nothing to say; a dialog is only for failed user actions.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &message);
    QString message() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace lettascope::ui
