// SPDX-License-Identifier: MIT
// Import units for `letta trajectories export` folders.
#include "importunits.h"

#include "trajectoryfile.h"
#include "turnassembler.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::appserver::import_detail {

namespace {

struct Session {
    QString source;
    QString id;          ///< "agent/conversation" for letta-code sessions
    QString sessionId;
};

// The manifest names files relative to the export folder ("letta-code/<start>_<session>.json").
QHash<QString, Session> manifestSessions(const QString &root)
{
    QHash<QString, Session> sessions;
    QFile file(root + u"/manifest.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return sessions;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).object().value(u"sessions").toArray()) {
        const QJsonObject o = value.toObject();
        const QString path = o.value(u"file").toString();
        const Session session{o.value(u"source").toString(), o.value(u"id").toString(), o.value(u"sessionId").toString()};
        sessions.insert(path, session);
        sessions.insert(QString(path).replace(u'/', u'.'), session); // flattened copies of an export
    }
    return sessions;
}

ConversationRef conversationFor(const Session &session, const QString &source)
{
    if (source == u"letta-code" && session.id.count(u'/') == 1)
        return ConversationRef::of(session.id.section(u'/', 0, 0), session.id.section(u'/', 1));
    return ConversationRef::of(u"trajectory:"_s + source, source + u':' + session.sessionId);
}

ParsedUnit parseSession(const QString &path, const QString &relative, Session session)
{
    ParsedUnit unit;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        unit.problem = u"%1: %2"_s.arg(relative, file.errorString());
        return unit;
    }
    if (session.sessionId.isEmpty())
        session.sessionId = QFileInfo(path).completeBaseName().section(u'_', -1);
    const QByteArray data = file.readAll();
    // The source is in the file's meta record; the manifest may be missing.
    const QString source = session.source.isEmpty()
        ? QJsonDocument::fromJson(data).array().first().toObject().value(u"source").toString() : session.source;
    const ConversationRef conversation = conversationFor(session, source.isEmpty() ? u"unknown"_s : source);
    auto parsed = parseTrajectoryFile(data, conversation, session.sessionId);
    if (!parsed) {
        unit.problem = u"%1: %2"_s.arg(relative, parsed.error().message);
        return unit;
    }
    unit.skipped = parsed->skipped;
    // Foreign harnesses have no notion of runs split at tool calls: one user turn is one run.
    AssembledHistory history = assembleHistory(conversation, parsed->entries, AssemblyOptions{false});
    for (Run &run : history.runs) {
        run.raw.insert(u"source"_s, u"trajectory-v1"_s);
        run.raw.insert(u"file"_s, relative);
        run.raw.insert(u"trajectory_source"_s, parsed->source);
    }
    unit.batch.runs = std::move(history.runs);
    unit.batch.steps = std::move(history.steps);
    unit.batch.messages = std::move(history.messages);
    Agent agent;
    agent.id = conversation.agentId;
    agent.name = agent.id.startsWith(u"trajectory:") ? u"%1 sessions"_s.arg(parsed->source) : agent.id;
    agent.model = parsed->model;
    agent.raw = QJsonObject{{u"source"_s, u"trajectory-v1"_s}, {u"trajectory_source"_s, parsed->source}};
    unit.batch.agents = {agent};
    return unit;
}

} // namespace

bool looksLikeTrajectoryExport(const QString &path)
{
    if (!manifestSessions(path).isEmpty())
        return true;
    QDirIterator it(path, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)
            && QJsonDocument::fromJson(file.readAll()).array().first().toObject().value(u"role").toString() == u"meta")
            return true;
    }
    return false;
}

QList<Unit> trajectoryUnits(const QString &root)
{
    const QHash<QString, Session> sessions = manifestSessions(root);
    QList<Unit> units;
    const QDir dir(QDir(root).absolutePath());
    QDirIterator it(dir.path(), {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const QString relative = dir.relativeFilePath(path);
        if (relative == u"manifest.json")
            continue;
        units.append([path, relative, session = sessions.value(relative)] { return parseSession(path, relative, session); });
    }
    return units;
}

} // namespace lettascope::appserver::import_detail
