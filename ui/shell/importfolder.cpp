// SPDX-License-Identifier: MIT
#include "importfolder.h"

#include "appserver/importreport.h"
#include "common/whenready.h"
#include "session/session.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace lettascope::ui {

void importFolder(session::Session &session, QMainWindow *window)
{
    const QString path = QFileDialog::getExistingDirectory(
        window, QObject::tr("Import a trajectory export or an App Server store (e.g. ~/.letta/lc-local-backend)"));
    if (path.isEmpty())
        return;
    auto *progress = new QProgressDialog(QObject::tr("Importing %1…").arg(path), QObject::tr("Cancel"), 0, 0, window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    QObject::connect(progress, &QProgressDialog::canceled, &session, &session::Session::cancelImport);
    QPointer<QProgressDialog> guard(progress);
    // Called on the import's thread: the dialog is updated on the GUI thread.
    auto onProgress = [guard](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done, total] {
            if (guard) {
                guard->setMaximum(int(total));
                guard->setValue(int(done));
            }
        }, Qt::QueuedConnection);
    };
    const auto showReport = [window, progress](const appserver::ImportReport &report) {
        progress->deleteLater();
        const QString title = QObject::tr("Import");
        if (report.fatal.kind != ErrorKind::None)
            QMessageBox::warning(window, title, report.fatal.message);
        else if (!report.problems.isEmpty())
            QMessageBox::warning(window, title, report.summary() + u"\n\n"_s + report.problems.join(u'\n'));
        else
            window->statusBar()->showMessage(report.summary(), 15'000);
    };
    whenReady(session.importFolder(path, onProgress), window, showReport);
}

} // namespace lettascope::ui
