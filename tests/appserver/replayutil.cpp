// SPDX-License-Identifier: MIT
#include "replayutil.h"

#include "store/sqlite.h"
#include "testsupport.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace lettascope;

namespace appservertest {

QStringList rows(store::Database &db, const char *sql)
{
    QStringList out;
    auto stmt = db.prepare(sql);
    if (!stmt)
        qFatal("bad test SQL: %s", qPrintable(stmt.error().toString()));
    while (true) {
        auto row = stmt->step();
        if (!row || !*row)
            return out;
        out << stmt->text(0);
    }
}

QStringList rows(const QString &path, const char *sql)
{
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    return db ? rows(*db, sql) : QStringList{};
}

QList<QJsonObject> receivedFrames(const QString &fixture)
{
    QList<QJsonObject> frames;
    const QByteArray data = testsupport::readFixture(u"letta-live/ws/"_s + fixture);
    for (const QByteArray &line : data.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject wrapped = QJsonDocument::fromJson(line).object();
        if (wrapped.value(u"dir").toString() == u"in")
            frames.append(wrapped.value(u"frame").toObject());
    }
    return frames;
}

void Merged::add(const store::WriteBatch &batch)
{
    for (const Run &run : batch.runs)
        runs.insert(run.id, run);
    for (const Step &step : batch.steps)
        steps.insert(step.id, step);
    for (const Message &message : batch.messages)
        messages.insert(message.id + u'|' + message.messageType + u'|' + message.otid, message);
}

QList<Message> Merged::messagesOfRun(const QString &runId) const
{
    QList<Message> out;
    for (const Message &message : messages) {
        if (message.runId == runId)
            out.append(message);
    }
    std::sort(out.begin(), out.end(), [](const Message &a, const Message &b) { return a.sequence < b.sequence; });
    return out;
}

QList<Step> Merged::stepsOfRun(const QString &runId) const
{
    QList<Step> out;
    for (const Step &step : steps) {
        if (step.runId == runId)
            out.append(step);
    }
    std::sort(out.begin(), out.end(), [](const Step &a, const Step &b) { return a.ordinal < b.ordinal; });
    return out;
}

} // namespace appservertest
