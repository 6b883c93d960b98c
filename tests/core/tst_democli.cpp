// SPDX-License-Identifier: MIT
#include "httpget.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::httpGet;

// `lettascope-cli demo-server` as scripts use it: one line with the URL, signals, exit codes.
class TestDemoCli : public QObject
{
    Q_OBJECT

    static QString cli() { return QStringLiteral(LETTASCOPE_CLI); }

private Q_SLOTS:
    void servesUntilTerminated()
    {
        QProcess process;
        process.start(cli(), {u"demo-server"_s, u"--port"_s, u"0"_s, u"--seed"_s, u"7"_s, u"--agents"_s, u"2"_s,
                              u"--runs-per-agent"_s, u"5"_s, u"--fault"_s, u"503:path=/v1/runs/,first=1"_s});
        QVERIFY(process.waitForStarted());
        QVERIFY(process.waitForReadyRead(10000));
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        const auto match = QRegularExpression(u"^Demo Letta server listening on (http://127\\.0\\.0\\.1:(\\d+))$"_s).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        const QString base = match.captured(1);

        QNetworkAccessManager network;
        QCOMPARE(httpGet(network, QUrl(base + u"/v1/health/"_s)).status, 200);
        QCOMPARE(httpGet(network, QUrl(base + u"/v1/runs/"_s)).status, 503);
        QCOMPARE(httpGet(network, QUrl(base + u"/v1/runs/"_s)).status, 200);

        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("bad port") << QStringList{u"--port"_s, u"http"_s};
        QTest::addRow("bad fault") << QStringList{u"--fault"_s, u"explode"_s};
        QTest::addRow("bad anchor") << QStringList{u"--anchor"_s, u"tomorrow"_s};
        QTest::addRow("zero agents") << QStringList{u"--agents"_s, u"0"_s};
        QTest::addRow("unknown option") << QStringList{u"--colour"_s};
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(cli(), QStringList{u"demo-server"_s} + arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(process.readAllStandardError().count('\n'), 1);
    }

    void portInUse()
    {
        QTcpServer occupied;
        QVERIFY(occupied.listen(QHostAddress::LocalHost));
        QProcess process;
        process.start(cli(), {u"demo-server"_s, u"--port"_s, QString::number(occupied.serverPort())});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray error = process.readAllStandardError();
        QCOMPARE(error.count('\n'), 1);
        QVERIFY(error.startsWith("lettascope-cli: cannot listen"));
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
