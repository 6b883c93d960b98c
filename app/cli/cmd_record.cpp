// SPDX-License-Identifier: MIT
#include "appserverutil.h"
#include "clicache.h"
#include "commands.h"
#include "interrupt.h"

#include "appserver/recorder.h"
#include "session/opencache.h"
#include "store/storewriter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

QJsonObject statsToJson(const appserver::RecorderStats &stats)
{
    return {{u"state"_s, appserver::recorderStateName(stats.state)}, {u"server_version"_s, stats.serverVersion},
            {u"frames"_s, double(stats.framesReceived)}, {u"frames_skipped"_s, double(stats.framesSkipped)},
            {u"conversations"_s, double(stats.conversations)}, {u"runs"_s, double(stats.runsSeen)},
            {u"turns"_s, double(stats.turnsFinished)}, {u"batches"_s, double(stats.batchesWritten)},
            {u"write_errors"_s, double(stats.writeErrors)}, {u"gaps"_s, double(stats.gaps)}};
}

} // namespace

int runRecord(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Record a Letta Code App Server's live events (runs, steps with tokens, tool calls, approvals, errors) into "
        "the cache until interrupted. Read-only: it only observes."_s);
    parser.addOption({u"for"_s, u"Stop after this many seconds."_s, u"SECONDS"_s});
    parser.addOption({u"json"_s, u"Print the final counters as JSON."_s});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    if (context.options().serverUrl.isEmpty())
        return context.usageError(u"record needs --server ws://HOST:PORT before the command"_s);
    auto url = parseServerUrl(context.options().serverUrl);
    if (!url)
        return context.usageError(url.error().message);
    if (!isAppServerUrl(*url))
        return context.usageError(u"record observes Letta Code App Servers (ws://HOST:PORT); use sync for REST servers"_s);
    auto endpoint = appServerEndpoint(*url);
    if (!endpoint)
        return context.usageError(endpoint.error().message);
    double seconds = 0;
    if (parser.isSet(u"for"_s)) {
        bool ok = false;
        seconds = parser.value(u"for"_s).toDouble(&ok);
        if (!ok || seconds <= 0)
            return context.usageError(u"--for needs a positive number of seconds"_s);
    }

    store::StoreWriter writer;
    if (auto opened = session::openCache(writer, cachePath(context.options())); !opened)
        return context.fail(opened.error().message);

    QEventLoop loop;
    appserver::Recorder recorder(writer, serverRecordFor(*url), *endpoint);
    Error fatal;
    QObject::connect(&recorder, &appserver::Recorder::stateChanged, &loop,
                     [](appserver::RecorderState state, const QString &detail) {
                         QTextStream(stderr) << u"record: "_s << appserver::recorderStateName(state)
                                             << (detail.isEmpty() ? QString() : u" ("_s + detail + u')') << Qt::endl;
                     });
    QObject::connect(&recorder, &appserver::Recorder::gapRecorded, &loop, [](const appserver::RecordingGap &gap) {
        QTextStream(stderr) << u"record: recording gap of %1 s recorded (%2 runs missed)"_s
                                   .arg(double(gap.endedMs.value_or(gap.startedMs) - gap.startedMs) / 1000.0, 0, 'f', 1)
                                   .arg(gap.missedRunIds.size())
                            << Qt::endl;
    });
    QObject::connect(&recorder, &appserver::Recorder::failed, &loop, [&](const Error &error) {
        fatal = error;
        recorder.stop();
    });
    QObject::connect(&recorder, &appserver::Recorder::stopped, &loop, &QEventLoop::quit);

    whenInterrupted(&loop, [&recorder] { recorder.stop(); });
    if (seconds > 0)
        QTimer::singleShot(int(seconds * 1000), &loop, [&recorder] { recorder.stop(); });
    recorder.start();
    loop.exec();

    const appserver::RecorderStats stats = recorder.stats();
    if (parser.isSet(u"json"_s)) {
        context.printJson(statsToJson(stats));
    } else {
        context.out() << u"%1 frames, %2 runs, %3 turns recorded from %4 conversations (%5 batches written, %6 gaps)"_s
                             .arg(stats.framesReceived)
                             .arg(stats.runsSeen)
                             .arg(stats.turnsFinished)
                             .arg(stats.conversations)
                             .arg(stats.batchesWritten)
                             .arg(stats.gaps)
                      << Qt::endl;
    }
    if (fatal.kind != ErrorKind::None)
        return context.fail(fatal.toString());
    if (stats.writeErrors > 0)
        return context.fail(u"%1 batches could not be written to the cache"_s.arg(stats.writeErrors));
    return ExitOk;
}

} // namespace lettascope::cli
