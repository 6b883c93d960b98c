// SPDX-License-Identifier: MIT
#include "demo/demogenerator.h"
#include "demo/demojson.h"
#include "demo/demorouter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::demo;

// Pagination semantics per endpoint family (letta-api.md §3), checked on the router directly.
class TestDemoPaging : public QObject
{
    Q_OBJECT

    DemoDataset m_data;

    DemoReply serve(const QString &pathAndQuery) const
    {
        DemoRequest request;
        const qsizetype question = pathAndQuery.indexOf(u'?');
        request.path = pathAndQuery.left(question);
        if (question >= 0)
            request.query = QUrlQuery(pathAndQuery.mid(question + 1));
        return DemoRouter::handle(m_data, request);
    }

    QJsonArray page(const QString &pathAndQuery) const
    {
        const DemoReply reply = serve(pathAndQuery);
        if (reply.status != 200)
            qWarning("%s -> %d %s", qPrintable(pathAndQuery), reply.status, reply.body.constData());
        return QJsonDocument::fromJson(reply.body).array();
    }

    QString id(IdKind kind, quint32 index) const { return QString::fromLatin1(m_data.ids.make(kind, index)); }

    /// Items as "id" (or "id/message_type" for messages, whose ids repeat across expansions).
    static QStringList keys(const QJsonArray &items)
    {
        QStringList result;
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString type = item.value(u"message_type"_s).toString();
            result << (type.isEmpty() ? item.value(u"id"_s).toString() : item.value(u"id"_s).toString() + u'/' + type);
        }
        return result;
    }

    QStringList messageKeys(const std::vector<quint32> &messages, bool reversed) const
    {
        QStringList result;
        for (size_t i = 0; i < messages.size(); ++i) {
            const quint32 message = messages[reversed ? messages.size() - 1 - i : i];
            for (int part = 0; part < json::lettaMessageCount(m_data.messages[message]); ++part)
                result << id(IdKind::Message, message) + u'/'
                        + QLatin1StringView(json::lettaMessageType(m_data.messages[message], part));
        }
        return result;
    }

    QStringList entityKeys(IdKind kind, std::vector<quint32> order, bool reversed) const
    {
        if (reversed)
            std::reverse(order.begin(), order.end());
        QStringList result;
        for (quint32 index : order)
            result << id(kind, index);
        return result;
    }

    static std::vector<quint32> iota(size_t count)
    {
        std::vector<quint32> result(count);
        std::iota(result.begin(), result.end(), 0U);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoConfig config;
        config.agents = 4;
        config.runsPerAgent = 60;
        config.anchorMicros = 1'790'000'000LL * 1'000'000;
        m_data = generateDataset(config);
    }

    void walk_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("order");
        QTest::addColumn<QString>("cursor");      // the parameter that fetches the next page
        QTest::addColumn<bool>("fromFirst");      // the cursor is the page's first item (else its last)
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("expected"); // every item exactly once, in this order
        QTest::addColumn<bool>("expanded");        // items are LettaMessage expansions

        const quint32 agent = 1;
        const quint32 run = quint32(m_data.runs.size() / 3);
        const auto &agentMessages = m_data.agents[agent].messages;
        const auto &runMessages = m_data.runs[run].messages;
        const QString agentPath = u"/v1/agents/%1/messages"_s.arg(id(IdKind::Agent, agent));
        const QString runPath = u"/v1/runs/%1/messages"_s.arg(id(IdKind::Run, run));
        const auto allRuns = iota(m_data.runs.size());
        const auto allSteps = iota(m_data.steps.size());
        const auto allJobs = iota(m_data.jobs.size());
        const auto allTools = iota(m_data.tools.size());
        std::vector<quint32> blocks = iota(m_data.blocks.size());
        std::stable_sort(blocks.begin(), blocks.end(),
                         [&](quint32 a, quint32 b) { return m_data.blocks[a].created < m_data.blocks[b].created; });
        std::vector<quint32> agents = iota(m_data.agents.size());
        std::stable_sort(agents.begin(), agents.end(),
                         [&](quint32 a, quint32 b) { return m_data.agents[a].created < m_data.agents[b].created; });

        // Runs are inverted: the next page is `before` in both orders.
        QTest::addRow("runs desc") << u"/v1/runs/"_s << u"desc"_s << u"before"_s << false << 37
                                   << entityKeys(IdKind::Run, allRuns, true) << false;
        QTest::addRow("runs asc") << u"/v1/runs/"_s << u"asc"_s << u"before"_s << false << 50
                                  << entityKeys(IdKind::Run, allRuns, false) << false;
        // Messages are absolute on the sequence: after = newer, before = older.
        QTest::addRow("run messages asc") << runPath << u"asc"_s << u"after"_s << false << 3
                                          << messageKeys(runMessages, false) << true;
        QTest::addRow("run messages desc") << runPath << u"desc"_s << u"before"_s << false << 4
                                           << messageKeys(runMessages, true) << true;
        // Agent and org-wide lists come back oldest-first within each page (the server's reversal),
        // so walking backwards takes the first item as the cursor and prepends pages.
        QTest::addRow("agent messages desc") << agentPath << u"desc"_s << u"before"_s << true << 25
                                             << messageKeys(agentMessages, false) << true;
        QTest::addRow("agent messages asc") << agentPath << u"asc"_s << u"after"_s << false << 25
                                            << messageKeys(agentMessages, false) << true;
        QTest::addRow("all messages desc") << u"/v1/messages/"_s << u"desc"_s << u"before"_s << true << 400
                                           << messageKeys(iota(m_data.messages.size()), false) << true;
        QTest::addRow("all messages asc") << u"/v1/messages/"_s << u"asc"_s << u"after"_s << false << 400
                                          << messageKeys(iota(m_data.messages.size()), false) << true;
        // Generic ORM lists: after = the next page in the chosen order.
        QTest::addRow("steps desc") << u"/v1/steps/"_s << u"desc"_s << u"after"_s << false << 100
                                    << entityKeys(IdKind::Step, allSteps, true) << false;
        QTest::addRow("steps asc") << u"/v1/steps/"_s << u"asc"_s << u"after"_s << false << 100
                                   << entityKeys(IdKind::Step, allSteps, false) << false;
        QTest::addRow("tools desc") << u"/v1/tools/"_s << u"desc"_s << u"after"_s << false << 7
                                    << entityKeys(IdKind::Tool, allTools, true) << false;
        QTest::addRow("tools asc") << u"/v1/tools/"_s << u"asc"_s << u"after"_s << false << 7
                                   << entityKeys(IdKind::Tool, allTools, false) << false;
        QTest::addRow("blocks asc") << u"/v1/blocks/"_s << u"asc"_s << u"after"_s << false << 4
                                    << entityKeys(IdKind::Block, blocks, false) << false;
        QTest::addRow("agents desc") << u"/v1/agents/"_s << u"desc"_s << u"after"_s << false << 1
                                     << entityKeys(IdKind::Agent, agents, true) << false;
        // Jobs are absolute on created_at.
        QTest::addRow("jobs desc") << u"/v1/jobs/"_s << u"desc"_s << u"before"_s << false << 5
                                   << entityKeys(IdKind::Job, allJobs, true) << false;
        QTest::addRow("jobs asc") << u"/v1/jobs/"_s << u"asc"_s << u"after"_s << false << 5
                                  << entityKeys(IdKind::Job, allJobs, false) << false;
    }

    void walk()
    {
        QFETCH(QString, path);
        QFETCH(QString, order);
        QFETCH(QString, cursor);
        QFETCH(bool, fromFirst);
        QFETCH(int, limit);
        QFETCH(QStringList, expected);
        QFETCH(bool, expanded);

        QStringList collected;
        QString next;
        int requests = 0;
        int lastSize = 0;
        for (; requests < 10'000; ++requests) {
            QString request = u"%1?order=%2&limit=%3"_s.arg(path, order).arg(limit);
            if (!next.isEmpty())
                request += u"&%1=%2"_s.arg(cursor, next);
            const QJsonArray items = page(request);
            const QStringList pageKeys = keys(items);
            collected = fromFirst ? pageKeys + collected : collected + pageKeys;
            lastSize = int(items.size());
            // A list is over at a short page (message pages can exceed the limit: one stored message
            // expands into several entries, and limit counts stored messages).
            if (items.size() < limit)
                break;
            next = (fromFirst ? items.first() : items.last()).toObject().value(u"id"_s).toString();
        }
        QCOMPARE(collected, expected);
        QVERIFY(lastSize < limit);
        if (!expanded)
            QCOMPARE(requests + 1, int(expected.size()) / limit + 1);
    }

    void runCursorsAreInverted()
    {
        const quint32 middle = quint32(m_data.runs.size() / 2);
        const QString cursor = id(IdKind::Run, middle);
        // desc + before → older, newest of them first; desc + after → newer.
        QCOMPARE(keys(page(u"/v1/runs/?limit=2&before="_s + cursor)),
                 (QStringList{id(IdKind::Run, middle - 1), id(IdKind::Run, middle - 2)}));
        QCOMPARE(keys(page(u"/v1/runs/?limit=2&order=asc&before="_s + cursor)),
                 (QStringList{id(IdKind::Run, middle + 1), id(IdKind::Run, middle + 2)}));
        QCOMPARE(keys(page(u"/v1/runs/?limit=2&order=asc&after="_s + cursor)),
                 (QStringList{id(IdKind::Run, 0), id(IdKind::Run, 1)}));
        const QJsonArray newer = page(u"/v1/runs/?limit=1000&after="_s + cursor);
        QCOMPARE(newer.size(), qsizetype(m_data.runs.size() - middle - 1));
    }

    void genericCursorsFollowOrder()
    {
        const QString cursor = id(IdKind::Step, 10);
        QCOMPARE(keys(page(u"/v1/steps/?limit=2&order=desc&after="_s + cursor)),
                 (QStringList{id(IdKind::Step, 9), id(IdKind::Step, 8)}));
        QCOMPARE(keys(page(u"/v1/steps/?limit=2&order=asc&after="_s + cursor)),
                 (QStringList{id(IdKind::Step, 11), id(IdKind::Step, 12)}));
        QCOMPARE(keys(page(u"/v1/steps/?limit=2&order=desc&before="_s + cursor)),
                 (QStringList{id(IdKind::Step, quint32(m_data.steps.size() - 1)), id(IdKind::Step, quint32(m_data.steps.size() - 2))}));
    }

    void agentMessagesLatestOldestFirst()
    {
        const auto &messages = m_data.agents[0].messages;
        const QJsonArray items = page(u"/v1/agents/%1/messages?limit=3"_s.arg(id(IdKind::Agent, 0)));
        const std::vector<quint32> newest(messages.end() - 3, messages.end());
        QCOMPARE(keys(items), messageKeys(newest, false));
    }

    void jobsAscendingQuirk()
    {
        const QString first = id(IdKind::Job, 0);
        const QString last = id(IdKind::Job, quint32(m_data.jobs.size() - 1));
        QCOMPARE(keys(page(u"/v1/jobs/?limit=1"_s)), QStringList{last});
        QCOMPARE(keys(page(u"/v1/jobs/?limit=1&order=asc"_s)), QStringList{first});
        QCOMPARE(keys(page(u"/v1/jobs/?limit=1&order=asc&ascending=true"_s)), QStringList{first});
        // An explicit ascending=false wins over order (jobs.py).
        QCOMPARE(keys(page(u"/v1/jobs/?limit=1&order=asc&ascending=false"_s)), QStringList{last});
    }

    void limits_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("items");
        QTest::addRow("runs 1") << u"/v1/runs/?limit=1"_s << 200 << 1;
        QTest::addRow("runs 1000") << u"/v1/runs/?limit=1000"_s << 200 << int(m_data.runs.size());
        QTest::addRow("runs default") << u"/v1/runs/"_s << 200 << 100;
        QTest::addRow("runs 0") << u"/v1/runs/?limit=0"_s << 422 << 0;
        QTest::addRow("runs 1001") << u"/v1/runs/?limit=1001"_s << 422 << 0;
        QTest::addRow("runs -5") << u"/v1/runs/?limit=-5"_s << 422 << 0;
        QTest::addRow("runs text") << u"/v1/runs/?limit=many"_s << 422 << 0;
        QTest::addRow("steps default") << u"/v1/steps/"_s << 200 << 50;
        QTest::addRow("steps 0") << u"/v1/steps/?limit=0"_s << 200 << 0;
        QTest::addRow("steps 5000") << u"/v1/steps/?limit=5000"_s << 200 << qMin(5000, int(m_data.steps.size()));
        QTest::addRow("tools default") << u"/v1/tools/"_s << 200 << qMin(50, int(m_data.tools.size()));
        QTest::addRow("agent tools default") << u"/v1/agents/%1/tools"_s.arg(id(IdKind::Agent, 0)) << 200 << 10;
        QTest::addRow("bad order") << u"/v1/tools/?order=up"_s << 422 << 0;
        QTest::addRow("unknown cursor") << u"/v1/steps/?after=step-123e4567-e89b-42d3-a456-426614174000"_s << 404 << 0;
        QTest::addRow("malformed cursor") << u"/v1/runs/?before=nonsense"_s << 404 << 0;
    }
    void limits()
    {
        QFETCH(QString, request);
        QFETCH(int, status);
        QFETCH(int, items);
        const DemoReply reply = serve(request);
        QCOMPARE(reply.status, status);
        if (status == 200)
            QCOMPARE(QJsonDocument::fromJson(reply.body).array().size(), qsizetype(items));
    }

    void runFilters()
    {
        const QString agent = id(IdKind::Agent, 2);
        for (const QJsonValue &run : page(u"/v1/runs/?limit=1000&agent_id="_s + agent))
            QCOMPARE(run.toObject().value(u"agent_id"_s).toString(), agent);
        QCOMPARE(page(u"/v1/runs/?agent_id=agent-123e4567-e89b-42d3-a456-426614174000"_s).size(), 0);
        int active = 0, failedOrCancelled = 0, background = 0;
        for (const RunRec &run : m_data.runs) {
            active += isActive(run.state);
            failedOrCancelled += run.state == RunState::Failed || run.state == RunState::Cancelled;
            background += run.background;
        }
        QCOMPARE(page(u"/v1/runs/?limit=1000&active=true"_s).size(), qsizetype(active));
        QCOMPARE(page(u"/v1/runs/?limit=1000&statuses=failed&statuses=cancelled"_s).size(), qsizetype(failedOrCancelled));
        QCOMPARE(page(u"/v1/runs/?limit=1000&background=true"_s).size(), qsizetype(background));
        for (const QJsonValue &run : page(u"/v1/runs/?limit=1000&stop_reason=llm_api_error"_s))
            QCOMPARE(run.toObject().value(u"status"_s).toString(), u"failed"_s);
    }

    void stepFilters()
    {
        const QString agent = id(IdKind::Agent, 1);
        for (const QJsonValue &step : page(u"/v1/steps/?limit=1000&agent_id="_s + agent))
            QCOMPARE(step.toObject().value(u"agent_id"_s).toString(), agent);
        for (const QJsonValue &step : page(u"/v1/steps/?limit=1000&model=openai/gpt-4.1"_s))
            QCOMPARE(step.toObject().value(u"model_handle"_s).toString(), u"openai/gpt-4.1"_s);
        // Dates are exclusive bounds on the step's creation.
        const StepRec &first = m_data.steps[100];
        const StepRec &last = m_data.steps[110];
        const TimeText fromText = isoZulu(first.start - 1);
        const TimeText toText = isoZulu(last.start + 1);
        const QByteArray from(fromText.data, fromText.size);
        const QByteArray to(toText.data, toText.size);
        const QJsonArray window = page(u"/v1/steps/?limit=1000&order=asc&start_date=%1&end_date=%2"_s.arg(
            QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(from))),
            QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(to)))));
        QVERIFY(window.size() >= 11);
        QCOMPARE(window.first().toObject().value(u"id"_s).toString(), id(IdKind::Step, 100));
        QCOMPARE(serve(u"/v1/steps/?start_date=yesterday"_s).status, 400);
    }

    void messageTypeFilter()
    {
        const QJsonArray items = page(u"/v1/messages/?limit=300&include_return_message_types=tool_call_message"_s);
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &item : items)
            QCOMPARE(item.toObject().value(u"message_type"_s).toString(), u"tool_call_message"_s);
    }

    void trailingSlashIsOptional()
    {
        QCOMPARE(serve(u"/v1/runs?limit=3"_s).body, serve(u"/v1/runs/?limit=3"_s).body);
        QCOMPARE(serve(u"/latest/runs/?limit=3"_s).body, serve(u"/v1/runs/?limit=3"_s).body);
        const QString run = id(IdKind::Run, 5);
        QCOMPARE(serve(u"/v1/runs/%1/"_s.arg(run)).body, serve(u"/v1/runs/"_s + run).body);
    }
};

QTEST_GUILESS_MAIN(TestDemoPaging)
#include "tst_demopaging.moc"
