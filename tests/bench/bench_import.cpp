// SPDX-License-Identifier: MIT
// Issue 6's import budget: a `letta trajectories export` folder of 1,000 trajectory-v1 files imported
// into a fresh cache in <= 10 s (importFolder, in process, as File > Import and `lettascope-cli import`
// run it). The files are generated: 10 turns each (user, reasoning, a tool call, its result, an answer).
#include "benchsupport.h"

#include "appserver/folderimport.h"
#include "session/opencache.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace benchsupport;
using namespace lettascope;

namespace {

constexpr int kFiles = 1000;
constexpr int kTurnsPerFile = 10;
constexpr int kRounds = 3;
constexpr double kBudgetSeconds = 10.0;

QString timestamp(int file, int second)
{
    return QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(file) * 600 + second).toString(Qt::ISODate);
}

QJsonArray session(int file)
{
    QJsonArray records{QJsonObject{{u"role"_s, u"meta"_s}, {u"source"_s, u"letta-code"_s}, {u"model"_s, u"fake-model"_s}}};
    for (int turn = 0; turn < kTurnsPerFile; ++turn) {
        const QString at = timestamp(file, turn * 10);
        const QString callId = u"call_%1_%2"_s.arg(file).arg(turn);
        records.append(QJsonObject{{u"role"_s, u"user"_s}, {u"timestamp"_s, at},
                                   {u"content"_s, u"Turn %1: please read notes-%2.txt and summarise the open items."_s.arg(turn).arg(file)}});
        records.append(QJsonObject{{u"role"_s, u"reasoning"_s}, {u"timestamp"_s, at},
                                   {u"content"_s, u"The user wants a summary; reading the file first. "_s.repeated(4)}});
        records.append(QJsonObject{{u"role"_s, u"assistant"_s}, {u"timestamp"_s, at}, {u"content"_s, QJsonValue::Null},
                                   {u"tool_calls"_s, QJsonArray{QJsonObject{{u"id"_s, callId}, {u"name"_s, u"Read"_s},
                                                                            {u"args"_s, u"{\"file_path\":\"/work/notes.txt\"}"_s}}}}});
        records.append(QJsonObject{{u"role"_s, u"tool"_s}, {u"timestamp"_s, at}, {u"tool_call_id"_s, callId}, {u"ok"_s, true},
                                   {u"content"_s, u"1\t- item: fix the flaky sync test\n2\t- item: write the docs\n"_s.repeated(20)}});
        records.append(QJsonObject{{u"role"_s, u"assistant"_s}, {u"timestamp"_s, at},
                                   {u"content"_s, u"Two open items: the flaky sync test and the docs. "_s.repeated(3)}});
    }
    return records;
}

/// An export folder as `letta trajectories export` writes it: letta-code/<start>_<session>.json plus manifest.json.
qint64 writeExport(const QString &root)
{
    QDir().mkpath(root + u"/letta-code"_s);
    QJsonArray sessions;
    qint64 bytes = 0;
    for (int i = 0; i < kFiles; ++i) {
        const QString sessionId = u"s%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        const QString relative = u"letta-code/%1_%2.json"_s.arg(timestamp(i, 0).replace(u':', u'-'), sessionId);
        QFile file(root + u'/' + relative);
        if (!file.open(QIODevice::WriteOnly))
            return -1;
        bytes += file.write(QJsonDocument(session(i)).toJson(QJsonDocument::Compact));
        sessions.append(QJsonObject{{u"source"_s, u"letta-code"_s},
                                    {u"id"_s, u"agent-local-bench-%1/local-conv-%2"_s.arg(i % 10).arg(i)},
                                    {u"sessionId"_s, sessionId}, {u"file"_s, relative}});
    }
    QFile manifest(root + u"/manifest.json"_s);
    if (!manifest.open(QIODevice::WriteOnly))
        return -1;
    manifest.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"sessions"_s, sessions}}).toJson());
    return bytes;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("Import benchmark — %s\n", qPrintable(machineLine()));
    QTemporaryDir dir;
    const QString root = dir.filePath(u"export"_s);
    const qint64 bytes = writeExport(root);
    if (bytes < 0) {
        std::fprintf(stderr, "cannot write the export folder under %s\n", qPrintable(dir.path()));
        return 2;
    }
    std::printf("export: %d trajectory-v1 files, %.1f MiB, %d turns each\n", kFiles, double(bytes) / (1024.0 * 1024.0),
                kTurnsPerFile);

    std::vector<double> seconds;
    for (int round = 0; round < kRounds; ++round) {
        store::StoreWriter writer;
        if (auto opened = session::openCache(writer, dir.filePath(u"cache-%1.db"_s.arg(round))); !opened) {
            std::fprintf(stderr, "cache: %s\n", qPrintable(opened.error().message));
            return 2;
        }
        QElapsedTimer clock;
        clock.start();
        const appserver::ImportReport report = appserver::importFolder(writer, root);
        seconds.push_back(double(clock.nsecsElapsed()) / 1e9);
        if (!report.ok() || report.files != kFiles) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(report.summary()));
            return 2;
        }
        std::printf("  round %d: %.2f s (%s)\n", round + 1, seconds.back(), qPrintable(report.summary()));
    }
    const double figure = median(seconds);
    std::printf("  %-44s %9.2f s   (budget %.0f s) %s\n", "import 1,000 trajectory-v1 files, median", figure, kBudgetSeconds,
                figure <= kBudgetSeconds ? "ok" : "OVER");
    return 0;
}
