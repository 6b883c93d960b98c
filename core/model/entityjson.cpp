// SPDX-License-Identifier: MIT
#include "entityjson.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lettascope {

namespace {

QJsonArray stringsToJson(const QStringList &lines)
{
    return QJsonArray::fromStringList(lines);
}

QStringList stringsFromJson(const QJsonValue &value)
{
    QStringList lines;
    for (const auto &line : value.toArray())
        lines << line.toString();
    return lines;
}

} // namespace

QJsonArray toolCallsToJson(const QList<ToolCall> &calls)
{
    QJsonArray array;
    for (const auto &call : calls)
        array.append(QJsonObject{{u"id"_s, call.id}, {u"name"_s, call.name}, {u"arguments"_s, call.arguments}});
    return array;
}

QList<ToolCall> toolCallsFromJson(const QJsonArray &array)
{
    QList<ToolCall> calls;
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        calls.append({object.value(u"id").toString(), object.value(u"name").toString(),
                      object.value(u"arguments").toString()});
    }
    return calls;
}

QJsonArray toolReturnsToJson(const QList<ToolReturn> &returns)
{
    QJsonArray array;
    for (const auto &ret : returns) {
        QJsonObject object{{u"tool_call_id"_s, ret.toolCallId}, {u"status"_s, ret.status}, {u"text"_s, ret.text}};
        if (!ret.stdoutLines.isEmpty())
            object.insert(u"stdout"_s, stringsToJson(ret.stdoutLines));
        if (!ret.stderrLines.isEmpty())
            object.insert(u"stderr"_s, stringsToJson(ret.stderrLines));
        array.append(object);
    }
    return array;
}

QList<ToolReturn> toolReturnsFromJson(const QJsonArray &array)
{
    QList<ToolReturn> returns;
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        returns.append({object.value(u"tool_call_id").toString(), object.value(u"status").toString(),
                        object.value(u"text").toString(), stringsFromJson(object.value(u"stdout")),
                        stringsFromJson(object.value(u"stderr"))});
    }
    return returns;
}

QJsonArray memoryBlocksToJson(const QList<MemoryBlock> &blocks)
{
    QJsonArray array;
    for (const auto &block : blocks) {
        QJsonObject object{{u"id"_s, block.id}, {u"label"_s, block.label}, {u"value"_s, block.value},
                           {u"description"_s, block.description}};
        if (block.limit)
            object.insert(u"limit"_s, double(*block.limit));
        array.append(object);
    }
    return array;
}

QList<MemoryBlock> memoryBlocksFromJson(const QJsonArray &array)
{
    QList<MemoryBlock> blocks;
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        MemoryBlock block{object.value(u"id").toString(), object.value(u"label").toString(),
                          object.value(u"value").toString(), object.value(u"description").toString(), {}};
        if (object.value(u"limit").isDouble())
            block.limit = qint64(object.value(u"limit").toDouble());
        blocks.append(block);
    }
    return blocks;
}

QJsonArray toolRefsToJson(const QList<ToolRef> &tools)
{
    QJsonArray array;
    for (const auto &tool : tools)
        array.append(QJsonObject{{u"id"_s, tool.id}, {u"name"_s, tool.name}, {u"tool_type"_s, tool.toolType},
                                 {u"description"_s, tool.description}});
    return array;
}

QList<ToolRef> toolRefsFromJson(const QJsonArray &array)
{
    QList<ToolRef> tools;
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        tools.append({object.value(u"id").toString(), object.value(u"name").toString(),
                      object.value(u"tool_type").toString(), object.value(u"description").toString()});
    }
    return tools;
}

} // namespace lettascope
