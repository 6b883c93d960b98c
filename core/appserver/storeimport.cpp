// SPDX-License-Identifier: MIT
// Import units for the App Server's local store (~/.letta/lc-local-backend).
#include "importunits.h"

#include "letta/parsers.h"
#include "sessionlog.h"
#include "turnassembler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::appserver::import_detail {

namespace {

QByteArray readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

// Folders are named base64url("conversation:<id>") or base64url("default:<agent id>").
ConversationRef conversationOf(const QString &folder)
{
    QString error;
    const QJsonObject info = QJsonDocument::fromJson(readAll(folder + u"/conversation.json"_s, &error)).object();
    QString agentId = info.value(u"agent_id").toString();
    QString id = info.value(u"id").toString();
    const QString name = QString::fromUtf8(QByteArray::fromBase64(QFileInfo(folder).fileName().toLatin1(),
                                                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (name.startsWith(u"default:")) {
        id = u"default"_s;
        if (agentId.isEmpty())
            agentId = name.mid(8);
    } else if (id.isEmpty() && name.startsWith(u"conversation:")) {
        id = name.mid(13);
    }
    return ConversationRef::of(agentId, id.isEmpty() ? QFileInfo(folder).fileName() : id);
}

ParsedUnit parseConversation(const QString &folder)
{
    ParsedUnit unit;
    QString error;
    const QByteArray log = readAll(folder + u"/messages.jsonl"_s, &error);
    if (!error.isEmpty()) {
        unit.problem = u"%1: %2"_s.arg(folder, error);
        return unit;
    }
    const ConversationRef conversation = conversationOf(folder);
    AssembledHistory history = assembleHistory(conversation, entriesFromSessionLog(log, conversation, &unit.skipped));
    for (Run &run : history.runs)
        run.raw.insert(u"source"_s, u"app-server-store"_s);
    unit.batch.runs = std::move(history.runs);
    unit.batch.steps = std::move(history.steps);
    unit.batch.messages = std::move(history.messages);
    return unit;
}

} // namespace

QString storeRoot(const QString &path)
{
    const QStringList candidates{path, path + u"/lc-local-backend"_s, path + u"/.letta/lc-local-backend"_s};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate + u"/conversations"_s).isDir())
            return QDir(candidate).absolutePath();
    }
    return {};
}

bool isSingleConversationFolder(const QString &path)
{
    return QFileInfo::exists(path + u"/messages.jsonl"_s);
}

QList<Unit> storeUnits(const QString &root, QList<Agent> *agents, QStringList *problems)
{
    QList<Unit> units;
    if (isSingleConversationFolder(root)) {
        units.append([root] { return parseConversation(root); });
        return units;
    }
    const QDir agentDir(root + u"/agents"_s);
    for (const QString &name : agentDir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QString error;
        const QByteArray data = readAll(agentDir.filePath(name), &error);
        auto agent = letta::parseAgent(QJsonDocument::fromJson(data).object());
        if (agent)
            agents->append(std::move(agent).value());
        else
            problems->append(u"agents/%1: %2"_s.arg(name, error.isEmpty() ? agent.error().message : error));
    }
    const QDir conversations(root + u"/conversations"_s);
    for (const QString &name : conversations.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString folder = conversations.filePath(name);
        if (isSingleConversationFolder(folder))
            units.append([folder] { return parseConversation(folder); });
    }
    return units;
}

} // namespace lettascope::appserver::import_detail
