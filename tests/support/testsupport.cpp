// SPDX-License-Identifier: MIT
#include "testsupport.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace testsupport {

QString fixturePath(const QString &relative)
{
    QString root = qEnvironmentVariable("LETTASCOPE_FIXTURES");
    if (root.isEmpty())
        root = QStringLiteral(LETTASCOPE_FIXTURES_DIR);
    return root + u'/' + relative;
}

QByteArray readFixture(const QString &relative)
{
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture missing: %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonDocument readJsonFixture(const QString &relative)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(readFixture(relative), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s is not JSON: %s", qPrintable(relative), qPrintable(error.errorString()));
    return doc;
}

} // namespace testsupport
