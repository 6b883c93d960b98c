// SPDX-License-Identifier: MIT
// Server profiles round-trip through QSettings; tokens never reach the settings file.
#include "net/credentialstore.h"
#include "letta/profilestore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::letta;
using namespace lettascope::net;

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString settingsPath() const { return m_dir.filePath(u"lettascope.ini"_s); }
    std::unique_ptr<ProfileStore> openStore() const
    {
        return std::make_unique<ProfileStore>(std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat));
    }
    QByteArray settingsFile() const
    {
        QFile file(settingsPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init() { QFile::remove(settingsPath()); }

    void roundTrip()
    {
        ServerProfile cloud = ServerProfile::create(u"Letta Cloud"_s, QUrl(u"https://api.letta.com"_s));
        cloud.projectId = u"proj-123"_s;
        ServerProfile demo = ServerProfile::create(u"Demo"_s, QUrl(u"http://127.0.0.1:18283"_s));
        demo.demo = true;
        const ServerProfile local = ServerProfile::create(u"Letta Code"_s, QUrl(u"ws://127.0.0.1:4545"_s),
                                                          ServerKind::LettaAppServer);
        {
            auto store = openStore();
            QSignalSpy changed(store.get(), &ProfileStore::profilesChanged);
            QVERIFY(store->save(cloud).ok());
            QVERIFY(store->save(demo).ok());
            QVERIFY(store->save(local).ok());
            QVERIFY(store->save(demo).ok()); // unchanged: no signal
            store->setCurrentId(demo.id);
            QCOMPARE(changed.count(), 3);
        }
        auto reopened = openStore();
        QCOMPARE(reopened->profiles(), (QList<ServerProfile>{cloud, demo, local}));
        QCOMPARE(reopened->currentId(), demo.id);
        QCOMPARE(reopened->profile(cloud.id)->endpoint(u"t"_s).projectId, u"proj-123"_s);
    }

    void updateKeepsOrderAndRemoveClearsCurrent()
    {
        auto store = openStore();
        ServerProfile a = ServerProfile::create(u"A"_s, QUrl(u"http://a:8283"_s));
        const ServerProfile b = ServerProfile::create(u"B"_s, QUrl(u"http://b:8283"_s));
        QVERIFY(store->save(a).ok());
        QVERIFY(store->save(b).ok());
        store->setCurrentId(a.id);
        a.name = u"A renamed"_s;
        QVERIFY(store->save(a).ok());
        QCOMPARE(store->profiles().first().name, u"A renamed"_s);
        QSignalSpy current(store.get(), &ProfileStore::currentChanged);
        QVERIFY(store->remove(a.id));
        QVERIFY(!store->remove(a.id));
        QCOMPARE(current.count(), 1);
        QVERIFY(store->currentId().isEmpty());
        QCOMPARE(openStore()->profiles(), QList<ServerProfile>{b});
    }

    void rejectsInvalidProfiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addRow("no name") << QString() << u"http://localhost:8283"_s;
        QTest::addRow("no host") << u"x"_s << u"http://"_s;
        QTest::addRow("not a url") << u"x"_s << u"localhost"_s;
        QTest::addRow("ftp") << u"x"_s << u"ftp://files.example"_s;
        QTest::addRow("websocket for REST") << u"x"_s << u"ws://127.0.0.1:4545"_s;
    }
    void rejectsInvalidProfiles()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        auto store = openStore();
        const Status saved = store->save(ServerProfile::create(name, QUrl(url)));
        QCOMPARE(saved.error().kind, ErrorKind::BadRequest);
        QVERIFY(store->profiles().isEmpty());
    }

    void idsAreStableAndUnique()
    {
        const ServerProfile one = ServerProfile::create(u"x"_s, QUrl(u"http://h"_s));
        const ServerProfile two = ServerProfile::create(u"x"_s, QUrl(u"http://h"_s));
        QVERIFY(!one.id.isEmpty());
        QVERIFY(one.id != two.id);
    }

    void brokenEntriesAreDropped()
    {
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            settings.beginWriteArray(u"servers"_s, 2);
            settings.setArrayIndex(0);
            settings.setValue(u"id"_s, u"good"_s);
            settings.setValue(u"name"_s, u"Good"_s);
            settings.setValue(u"url"_s, u"http://localhost:8283"_s);
            settings.setArrayIndex(1);
            settings.setValue(u"id"_s, u"bad"_s);
            settings.setValue(u"url"_s, u"::::"_s);
            settings.endArray();
        }
        auto store = openStore();
        QCOMPARE(store->profiles().size(), 1);
        QCOMPARE(store->profiles().first().id, u"good"_s);
        QCOMPARE(store->profiles().first().kind, ServerKind::LettaRest);
    }

    void tokenNeverReachesTheSettingsFile()
    {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain service: the write must fail, not fall back
        qunsetenv("DISPLAY");
        const QString secret = u"sk-let-do-not-persist-0xDEADBEEF"_s;
        auto store = openStore();
        const ServerProfile cloud = ServerProfile::create(u"Cloud"_s, QUrl(u"https://api.letta.com"_s));
        QVERIFY(store->save(cloud).ok());
        CredentialStore credentials;
        const QFuture<Status> written = credentials.writeToken(cloud.id, secret);
        QTRY_VERIFY_WITH_TIMEOUT(written.isFinished(), 30000);
        QVERIFY(!written.result().ok());
        store->setCurrentId(cloud.id);

        const QByteArray file = settingsFile();
        QVERIFY(file.contains(cloud.id.toUtf8())); // the profile is there …
        QVERIFY(!file.contains(secret.toUtf8()));  // … its token is not
        QVERIFY(!file.contains("DEADBEEF"));
        QVERIFY(!QDir(m_dir.path()).entryList(QDir::Files).join(u' ').contains(u"keychain"_s));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
