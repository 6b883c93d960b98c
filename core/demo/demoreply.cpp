// SPDX-License-Identifier: MIT
#include "demoreply.h"

#include "demojsonwriter.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace lettascope::demo {

namespace {

QString pythonRepr(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace

DemoReply DemoReply::json(QByteArray body, int status)
{
    DemoReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

DemoReply DemoReply::detail(int status, const QString &message)
{
    QByteArray body;
    JsonWriter(body).beginObject().stringField("detail", message).endObject();
    return json(std::move(body), status);
}

DemoReply DemoReply::validation(const QString &location, const QString &errorType, const QString &message,
                                const QString &input, const QString &example)
{
    const QString detail = u"[{'type': %1, 'loc': %2, 'msg': %3, 'input': %4}]"_s.arg(
        pythonRepr(errorType), location, pythonRepr(message), pythonRepr(input));
    // A stable trace id per error, so identical requests give identical bytes.
    const QByteArray traceId =
        QCryptographicHash::hash(detail.toUtf8(), QCryptographicHash::Md5).toHex();
    QByteArray body;
    JsonWriter writer(body);
    writer.beginObject().stringField("trace_id", QByteArrayView(traceId)).stringField("detail", detail);
    if (!example.isEmpty())
        writer.key("examples").beginArray().string(example).endArray();
    writer.endObject();
    return json(std::move(body), 422);
}

} // namespace lettascope::demo
