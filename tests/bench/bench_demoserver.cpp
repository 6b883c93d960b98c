// SPDX-License-Identifier: MIT
#include "demo/demogenerator.h"
#include "demo/demorouter.h"
#include "demo/demoserverthread.h"

#include "benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace lettascope::demo;
using namespace benchsupport;

// Figures for the demo server: generation of 10,000 runs, small-request throughput over six
// keep-alive connections, and full walks of the runs and messages lists in pages of 1000.

namespace {

constexpr int kRounds = 5;

DemoConfig largeConfig()
{
    DemoConfig config;
    config.agents = 20;
    config.runsPerAgent = 500;
    config.stepsPerRun = 5;
    config.anchorMicros = 1'790'000'000LL * 1'000'000;
    return config;
}

QByteArray fetch(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    if (!reply->isFinished())
        QSignalSpy(reply, &QNetworkReply::finished).wait(60000);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// Small item requests with exactly `parallel` requests in flight (one per keep-alive connection).
double requestsPerSecond(QNetworkAccessManager &network, const QUrl &base, const QStringList &paths, int total, int parallel)
{
    int started = 0;
    int finished = 0;
    QElapsedTimer timer;
    timer.start();
    std::function<void()> launch = [&] {
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(base.toString() + paths[started % paths.size()])));
        ++started;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->readAll();
            reply->deleteLater();
            ++finished;
            if (started < total)
                launch();
        });
    };
    for (int i = 0; i < parallel; ++i)
        launch();
    while (finished < total)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return total * 1000.0 / qMax<qint64>(1, timer.elapsed());
}

// The same load from bare sockets (one request at a time per keep-alive connection): what the server
// sustains without QNetworkAccessManager's per-request cost on the client side.
double rawRequestsPerSecond(quint16 port, const QStringList &paths, int total, int parallel)
{
    struct Connection {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
    };
    std::vector<Connection> connections(static_cast<size_t>(parallel));
    int started = 0;
    int finished = 0;
    auto send = [&](Connection &connection) {
        connection.socket->write("GET " + paths[started % paths.size()].toLatin1() + " HTTP/1.1\r\nHost: bench\r\n\r\n");
        ++started;
    };
    QElapsedTimer timer;
    timer.start();
    for (Connection &connection : connections) {
        connection.socket = std::make_unique<QTcpSocket>();
        connection.socket->connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(connection.socket.get(), &QTcpSocket::readyRead, connection.socket.get(), [&, c = &connection] {
            c->buffer += c->socket->readAll();
            for (;;) {
                const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
                const qsizetype lengthAt = c->buffer.indexOf("content-length: ");
                if (headerEnd < 0 || lengthAt < 0)
                    return;
                const qsizetype length = c->buffer.mid(lengthAt + 16, c->buffer.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
                if (c->buffer.size() < headerEnd + 4 + length)
                    return;
                c->buffer.remove(0, headerEnd + 4 + length);
                ++finished;
                if (started < total)
                    send(*c);
            }
        });
        send(connection);
    }
    while (finished < total)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return total * 1000.0 / qMax<qint64>(1, timer.elapsed());
}

// Serialising every page in-process (router only, no HTTP, no client parsing).
double routerWalkMs(const DemoStore &store, const QString &path, IdKind kind)
{
    QElapsedTimer timer;
    timer.start();
    store.read([&](const DemoDataset &data) {
        const qsizetype count = kind == IdKind::Run ? qsizetype(data.runs.size()) : qsizetype(data.messages.size());
        for (qsizetype end = count; end > 0; end -= 1000) {
            DemoRequest request;
            request.path = path;
            request.query.addQueryItem(u"limit"_s, u"1000"_s);
            if (end < count)
                request.query.addQueryItem(u"before"_s, QString::fromLatin1(data.ids.make(kind, quint32(end))));
            DemoRouter::handle(data, request);
        }
        return 0;
    });
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Walk {
    double ms = 0;
    qsizetype items = 0;
    qsizetype bytes = 0;
    int pages = 0;
};

// Pages of 1000 until a short page. Runs page with `before` = last id; messages come back oldest
// first within a page, so the next page is `before` = the first id.
Walk walk(QNetworkAccessManager &network, const QUrl &base, const QString &path, bool cursorFromFirst)
{
    Walk result;
    QElapsedTimer timer;
    timer.start();
    QString cursor;
    for (;;) {
        QString request = base.toString() + path + u"?limit=1000"_s;
        if (!cursor.isEmpty())
            request += u"&before="_s + cursor;
        const QByteArray body = fetch(network, QUrl(request));
        const QJsonArray page = QJsonDocument::fromJson(body).array();
        result.bytes += body.size();
        result.items += page.size();
        ++result.pages;
        if (page.size() < 1000)
            break;
        cursor = (cursorFromFirst ? page.first() : page.last()).toObject().value(u"id"_s).toString();
    }
    result.ms = double(timer.elapsed());
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("Demo server benchmark — %s\n", qPrintable(machineLine()));
    std::printf("Every figure is the median of %d rounds.\n\n", kRounds);

    // Generation of 20 agents x 500 runs.
    std::vector<double> generation;
    qint64 rssBefore = residentKiB();
    qint64 rssDelta = 0;
    DemoDataset sample;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        DemoDataset data = generateDataset(largeConfig());
        generation.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (round == 0) {
            rssDelta = residentKiB() - rssBefore;
            sample = std::move(data);
        }
    }
    std::printf("generate 10,000 runs: %.0f ms  (%zu steps, %zu stored messages; records %.1f MiB, RSS +%.1f MiB)\n",
                median(generation), sample.steps.size(), sample.messages.size(),
                double(sample.memoryEstimate()) / (1024 * 1024), double(rssDelta) / 1024);

    auto store = std::make_shared<DemoStore>(std::move(sample));
    DemoServerThread server(store);
    const auto port = server.start();
    if (!port) {
        std::fprintf(stderr, "cannot start the server: %s\n", qPrintable(port.error().message));
        return 2;
    }
    const QUrl base = server.url();
    QNetworkAccessManager network;

    QStringList items;
    store->read([&](const DemoDataset &data) {
        for (quint32 i = 0; i < data.runs.size(); i += 7)
            items << u"/v1/runs/"_s + QString::fromLatin1(data.ids.make(IdKind::Run, i));
        return 0;
    });
    std::vector<double> throughput;
    requestsPerSecond(network, base, items, 500, 6); // warm the connections
    for (int round = 0; round < kRounds; ++round)
        throughput.push_back(requestsPerSecond(network, base, items, 5000, 6));
    std::printf("small item requests (GET /v1/runs/{id}, 6 keep-alive connections): %.0f requests/s"
                " with QNetworkAccessManager,",
                median(throughput));
    std::vector<double> raw;
    for (int round = 0; round < kRounds; ++round)
        raw.push_back(rawRequestsPerSecond(*port, items, 10000, 6));
    std::printf(" %.0f requests/s from bare sockets\n", median(raw));

    for (const auto &[path, kind] : {std::pair{u"/v1/runs/"_s, IdKind::Run}, std::pair{u"/v1/messages/"_s, IdKind::Message}}) {
        std::vector<double> times;
        for (int round = 0; round < kRounds; ++round)
            times.push_back(routerWalkMs(*store, path, kind));
        std::printf("serialise all of %s in pages of 1000 (router only): %.0f ms\n", qPrintable(path), median(times));
    }
    for (const auto &[path, fromFirst] : {std::pair{u"/v1/runs/"_s, false}, std::pair{u"/v1/messages/"_s, true}}) {
        std::vector<double> times;
        Walk last;
        for (int round = 0; round < kRounds; ++round) {
            last = walk(network, base, path, fromFirst);
            times.push_back(last.ms);
        }
        std::printf("fetch all of %s in pages of 1000 over HTTP (client parses each page): %.0f ms  (%d pages, %lld items, %.1f MiB)\n", qPrintable(path),
                    median(times), last.pages, static_cast<long long>(last.items), double(last.bytes) / (1024 * 1024));
    }
    server.stop();
    return 0;
}
