// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "trajectorycommands.h"
#include "trajectoryoptions.h"

#include "session/opencache.h"
#include "store/storewriter.h"
#include "trajectories/processingsettings.h"
#include "trajectories/trajectorybuilder.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace lettascope::trajectories;

namespace lettascope::cli {

int trajectoriesBuild(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Turn every finished run (completed, failed, cancelled) in the cache into a "
                                     "trajectory; runs that changed since they were captured are rebuilt."_s);
    parser.addOptions({{u"all"_s, u"Re-convert every finished run, not only new and changed ones."_s},
                       {u"no-queue"_s, u"Do not queue processing for new or changed trajectories."_s},
                       {u"json"_s, u"Print the build report as JSON."_s}});
    if (auto exit = parseOrExit(context, parser, arguments))
        return *exit;
    const QString path = cachePath(context.options());
    if (!QFileInfo::exists(path))
        return context.fail(u"no cache at %1; run 'lettascope-cli sync --server URL' first"_s.arg(path));
    store::StoreWriter writer;
    if (auto opened = session::openCache(writer, path); !opened)
        return context.fail(opened.error().message);

    BuildOptions options;
    options.rebuildAll = parser.isSet(u"all"_s);
    ProcessingSettings settings;
    options.enqueueProcessing = settings.autoProcess() && !parser.isSet(u"no-queue"_s);
    options.maxAttempts = settings.maxAttempts();
    const BuildReport report = TrajectoryBuilder(writer).build(options);
    if (!report.ok())
        return context.fail(report.error.toString());
    if (parser.isSet(u"json"_s)) {
        context.printJson(QJsonObject{{u"runs"_s, double(report.runsSeen)}, {u"created"_s, double(report.created)},
                                      {u"updated"_s, double(report.updated)}, {u"unchanged"_s, double(report.unchanged)},
                                      {u"queued"_s, double(report.queued)}, {u"seconds"_s, double(report.elapsedMs) / 1000.0}});
    } else {
        context.out() << u"%1 finished run(s): %2 new, %3 rebuilt, %4 unchanged; %5 queued for processing (%6 s)\n"_s
                             .arg(report.runsSeen).arg(report.created).arg(report.updated).arg(report.unchanged)
                             .arg(report.queued).arg(double(report.elapsedMs) / 1000.0, 0, 'f', 2);
        context.out().flush();
    }
    return ExitOk;
}

} // namespace lettascope::cli
