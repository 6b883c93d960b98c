// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/trajectoryfilters.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace lettascope::trajectories {
class TrajectoryListModel;
class TrajectoryService;
struct Contrasts;
struct TrajectoryDetail;
}

namespace lettascope::ui::trajectories {

/**
 * The Trajectories tab's page: filters and the windowed list on the left; the selected trajectory's detail
 * and a contrasts panel on the right. Enter in the search field shows the query's contrasts (successes,
 * moderate, failures); with no query, selecting a run shows the contrasts of runs similar to it.
 * Everything is requested from the service and arrives by signal: the page never blocks.
 */
class TrajectoriesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrajectoriesView)
public:
    explicit TrajectoriesView(lettascope::trajectories::TrajectoryService &service, QWidget *parent = nullptr);
    ~TrajectoriesView() override;

    lettascope::trajectories::TrajectoryFilters filters() const;
    /// Lists what `filters` match (from an Analytics chart): status, score and tags go into the filter
    /// bar; the rest (server, agents, dates, category, complexity) is shown as `title` with a Clear button.
    /// A non-zero `trajectoryId` is opened, and selected once its row is listed.
    void showMatching(const lettascope::trajectories::TrajectoryFilters &filters, const QString &title, qint64 trajectoryId = 0);

private:
    QWidget *buildFilterBar();
    QWidget *buildContrastsPanel();
    void applyFilters();
    void requestContrasts();
    void clearContrasts();
    void onSelectionChanged();
    void onDetailLoaded(quint64 requestId, const lettascope::trajectories::TrajectoryDetail &detail);
    void onContrastsFinished(quint64 requestId, const lettascope::trajectories::Contrasts &contrasts);
    void saveAnnotation();
    void clearPinned();
    void selectOpened();
    qint64 selectedTrajectory() const;

    lettascope::trajectories::TrajectoryService &m_service;
    lettascope::trajectories::TrajectoryListModel *m_model;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QDoubleSpinBox *m_minScore = nullptr;
    QDoubleSpinBox *m_maxScore = nullptr;
    QLineEdit *m_tags = nullptr;
    QTableView *m_list = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_contrastsTitle = nullptr;
    QListWidget *m_successes = nullptr;
    QListWidget *m_moderate = nullptr;
    QListWidget *m_failures = nullptr;
    QDoubleSpinBox *m_humanScore = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reprocess = nullptr;
    QLabel *m_pinnedTitle = nullptr;
    QPushButton *m_clearPinned = nullptr;
    /// Filters set from outside that the filter bar has no field for; the bar's fields override the rest.
    lettascope::trajectories::TrajectoryFilters m_pinned;
    qint64 m_opened = 0;            ///< shown without a selected row (opened from Analytics)
    QStringList m_annotationTags;   ///< kept when the score or note is edited here
    quint64 m_detailRequest = 0;
    quint64 m_contrastsRequest = 0;
};

} // namespace lettascope::ui::trajectories
