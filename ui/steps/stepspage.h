// SPDX-License-Identifier: MIT
#pragma once

#include "common/detaillistpage.h"
#include "common/result.h"
#include "letta/apitypes.h"
#include "store/writebatch.h"

#include <QFuture>

#include <functional>
#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace lettascope::ui::steps {

/// The Steps tab: every cached step (newest runs first) with model, status, tokens, timings and errors.
class StepsPage final : public DetailListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsPage)
public:
    explicit StepsPage(session::CacheReader &reader, QWidget *parent = nullptr);

    void setServer(qint64 serverId);
    void cacheChanged(const store::ChangeSet &changes);
    void focusFilter();

    /// Asks the server for a step's provider trace (the LLM request and response it logged); unset for
    /// servers that keep none, which disables the button.
    using TraceFetcher = std::function<QFuture<Result<std::optional<letta::ProviderTrace>>>(const QString &stepId)>;
    void setTraceFetcher(TraceFetcher fetcher);

protected:
    QString detailText(const QVariant &payload) const override;

private:
    void requery();
    void loadTrace();

    qint64 m_serverId = 0;
    QLineEdit *m_run = nullptr;
    QLineEdit *m_model = nullptr;
    QComboBox *m_status = nullptr;
    QPushButton *m_trace = nullptr;
    TraceFetcher m_fetchTrace;
};

} // namespace lettascope::ui::steps
