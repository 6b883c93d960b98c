// SPDX-License-Identifier: MIT
// `lettascope-cli trajectories …` as the acceptance run uses it: build, process, list, search with
// contrasts, export and import, run as a separate process against a cache the test wrote.
#include "cachefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

constexpr int kRuns = 18; // three of each scenario kind, all finished

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestTrajectoryCli : public QObject
{
    Q_OBJECT

    CacheFixture m_cache;
    QTemporaryDir m_home; // settings (QSettings) live here, never in the user's own

    CliRun cli(const QStringList &arguments, const QString &cachePath = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.path());
        env.insert(u"HOME"_s, m_home.path());
        env.remove(u"LETTASCOPE_LLM_API_KEY"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(LETTASCOPE_CLI),
                      QStringList{u"--cache"_s, cachePath.isEmpty() ? m_cache.path() : cachePath} + arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QJsonDocument json(const QStringList &arguments)
    {
        const CliRun run = cli(arguments);
        if (run.exitCode != 0)
            qWarning() << arguments << run.exitCode << run.err;
        return QJsonDocument::fromJson(run.out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_cache.open());
        QVERIFY(m_cache.write(scenarioRuns(0, kRuns, 2)));
    }

    // The acceptance sequence, in order: every step reads what the previous one wrote.
    void buildProcessListSearchExport()
    {
        const QJsonObject built = json({u"trajectories"_s, u"build"_s, u"--json"_s}).object();
        QCOMPARE(built.value(u"runs"_s).toInt(), kRuns);
        QCOMPARE(built.value(u"created"_s).toInt(), kRuns);
        QCOMPARE(built.value(u"queued"_s).toInt(), kRuns);
        // A second build finds nothing new.
        QCOMPARE(json({u"trajectories"_s, u"build"_s, u"--json"_s}).object().value(u"created"_s).toInt(), 0);

        const QJsonObject processed = json({u"trajectories"_s, u"process"_s, u"--json"_s}).object();
        QCOMPARE(processed.value(u"succeeded"_s).toInt(), kRuns);
        QCOMPARE(processed.value(u"failed"_s).toInt(), 0);

        const QJsonArray rows = json({u"trajectories"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"1000000"_s}).array();
        QCOMPARE(rows.size(), kRuns);
        for (const auto &row : rows) {
            const QJsonObject r = row.toObject();
            QVERIFY2(r.value(u"outcome_score"_s).isDouble(), qPrintable(r.value(u"id"_s).toString()));
            QCOMPARE(r.value(u"processing_status"_s).toString(), u"completed"_s);
            QVERIFY(!r.value(u"summary"_s).toString().isEmpty());
        }

        const QJsonObject contrasts =
            json({u"trajectories"_s, u"search"_s, u"tool error"_s, u"--contrasts"_s, u"--json"_s}).object();
        qsizetype found = 0;
        const struct {
            const char *key;
            double min, max;
        } tiers[] = {{"successes", 0.7, 1.0}, {"moderate", 0.3, 0.7}, {"failures", 0.0, 0.3}};
        for (const auto &tier : tiers) {
            const QJsonValue list = contrasts.value(QLatin1StringView(tier.key));
            QVERIFY2(list.isArray(), tier.key);
            for (const auto &hit : list.toArray()) {
                const double score = hit.toObject().value(u"outcome_score"_s).toDouble(-1);
                QVERIFY2(score >= tier.min && score <= tier.max, qPrintable(u"%1 holds %2"_s.arg(QLatin1StringView(tier.key)).arg(score)));
                QCOMPARE(hit.toObject().value(u"outcome_score_text"_s).toString(), QString::number(score, 'f', 2));
            }
            found += list.toArray().size();
        }
        QVERIFY(found > 0);

        const CliRun exported = cli({u"trajectories"_s, u"export"_s, u"--format"_s, u"jsonl"_s});
        QCOMPARE(exported.exitCode, 0);
        const QList<QByteArray> lines = exported.out.trimmed().split('\n');
        QCOMPARE(lines.size(), kRuns);
        for (const QByteArray &line : lines) {
            QStringList keys = QJsonDocument::fromJson(line).object().value(u"data"_s).toObject().keys();
            keys.sort();
            QCOMPARE(keys, (QStringList{u"metadata"_s, u"outcome"_s, u"run_id"_s, u"turns"_s}));
        }

        // What was exported imports into an empty cache, and lists the same runs there.
        QTemporaryDir target;
        const QString file = target.filePath(u"t.jsonl"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(exported.out);
        out.close();
        const QString otherCache = target.filePath(u"other.db"_s);
        const CliRun imported = cli({u"trajectories"_s, u"import"_s, file, u"--json"_s}, otherCache);
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(imported.out).object().value(u"imported"_s).toInt(), kRuns);
        const CliRun listed = cli({u"trajectories"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"100"_s}, otherCache);
        QCOMPARE(QJsonDocument::fromJson(listed.out).array().size(), kRuns);
    }

    void filtersNarrowTheList_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::addRow("agent") << QStringList{u"--agent"_s, u"agent-1"_s} << u"agent_id"_s << u"agent-1"_s;
        QTest::addRow("status") << QStringList{u"--status"_s, u"failed"_s} << u"execution_status"_s << u"failed"_s;
    }

    void filtersNarrowTheList()
    {
        QFETCH(QStringList, filter);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const QJsonArray rows = json(QStringList{u"trajectories"_s, u"list"_s, u"--json"_s} + filter).array();
        QVERIFY(!rows.isEmpty());
        QVERIFY(rows.size() < kRuns);
        for (const auto &row : rows)
            QCOMPARE(row.toObject().value(field).toString(), expected);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("search without text") << QStringList{u"search"_s};
        QTest::addRow("export as csv") << QStringList{u"export"_s, u"--format"_s, u"csv"_s};
        QTest::addRow("score out of range") << QStringList{u"list"_s, u"--min-score"_s, u"2"_s};
        QTest::addRow("unknown subcommand") << QStringList{u"explode"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = cli(QStringList{u"trajectories"_s} + arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryCli)
#include "tst_trajectorycli.moc"
