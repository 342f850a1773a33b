// TeamStoreSettings on a real ini file: the round trip per environment, the target it makes,
// every validation message, and nothing secret in the file.
#include "core/session/TeamStoreSettings.h"

#include "tests/support/PgServer.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using session::TeamStoreChoice;
using session::TeamStoreSettings;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

TeamStoreChoice validChoice(const QString &caFile)
{
    TeamStoreChoice c;
    c.teamStore = true;
    c.host = QStringLiteral("db.desk.example");
    c.port = 6543;
    c.database = QStringLiteral("aerodesk_team");
    c.user = QStringLiteral("agent_ana");
    c.sslMode = QStringLiteral("verify-full");
    c.caFile = caFile;
    c.team = QStringLiteral("Support desk");
    return c;
}
} // namespace

TEST(TeamStoreSettings, RoundTripsPerEnvironmentAndKeepsNoSecret)
{
    QTemporaryDir dir;
    test::PgServer server; // only for a real CA certificate file
    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    const TeamStoreChoice choice = validChoice(server.caFile());
    {
        QSettings settings(ini, QSettings::IniFormat);
        TeamStoreSettings store(settings);
        EXPECT_FALSE(store.read(QStringLiteral("production")).teamStore) << "local by default";
        store.save(QStringLiteral("custom-ab12cd34"), choice);
    }
    QSettings settings(ini, QSettings::IniFormat);
    TeamStoreSettings store(settings);
    EXPECT_EQ(store.read(QStringLiteral("custom-ab12cd34")), choice);
    EXPECT_FALSE(store.read(QStringLiteral("builtin")).teamStore) << "other environments unchanged";

    const auto target = TeamStoreSettings::target(choice, QStringLiteral("/tmp/x.sqlite"));
    ASSERT_TRUE(target.isPostgres());
    EXPECT_EQ(target.host(), choice.host);
    EXPECT_EQ(target.port(), 6543);
    EXPECT_EQ(target.database(), choice.database);
    EXPECT_EQ(target.user(), choice.user);
    EXPECT_EQ(target.sslMode(), QStringLiteral("verify-full"));
    EXPECT_EQ(target.caFile(), choice.caFile);
    EXPECT_EQ(target.team(), choice.team);
    TeamStoreChoice local = choice;
    local.teamStore = false;
    EXPECT_EQ(TeamStoreSettings::target(local, QStringLiteral("/tmp/x.sqlite")),
              store::StoreTarget(QStringLiteral("/tmp/x.sqlite")));

    QFile file(ini);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll().toLower();
    EXPECT_TRUE(bytes.contains("agent_ana")) << "the file is the one written";
    EXPECT_FALSE(bytes.contains("password"));
    EXPECT_FALSE(bytes.contains(server.adminPassword().toLower().toUtf8()));
}

TEST(TeamStoreSettings, EveryProblemHasItsOwnMessage)
{
    QTemporaryDir dir;
    test::PgServer server;
    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    const TeamStoreChoice good = validChoice(server.caFile());
    EXPECT_FALSE(TeamStoreSettings::problem(good).has_value())
        << TeamStoreSettings::problem(good).value_or(QString()).toStdString();
    TeamStoreChoice local;
    EXPECT_FALSE(TeamStoreSettings::problem(local).has_value()) << "the local store needs nothing";

    const auto problemOf = [](TeamStoreChoice c) {
        return TeamStoreSettings::problem(c).value_or(QString());
    };
    TeamStoreChoice c = good;
    c.host = QStringLiteral("  ");
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("host"))) << problemOf(c).toStdString();
    c = good;
    c.port = 0;
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("65535"))) << problemOf(c).toStdString();
    c.port = 70000;
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("70000")));
    c = good;
    c.database.clear();
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("database")));
    c = good;
    c.user.clear();
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("user")));
    c = good;
    c.sslMode = QStringLiteral("prefer");
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("prefer")));
    c = good;
    c.caFile.clear();
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("CA file"))) << problemOf(c).toStdString();
    c.caFile = dir.filePath(QStringLiteral("absent.pem"));
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("does not exist")));
    c.caFile = writeFile(dir, QStringLiteral("unreadable.pem"), QByteArray("x"));
    QFile::setPermissions(c.caFile, QFileDevice::Permissions());
    if (QFile(c.caFile).open(QIODevice::ReadOnly)) // root reads anything: then it is not PEM
        EXPECT_TRUE(problemOf(c).contains(QStringLiteral("no PEM certificate")));
    else
        EXPECT_TRUE(problemOf(c).contains(QStringLiteral("cannot be read")));
    c.caFile = writeFile(dir, QStringLiteral("notpem.pem"), QByteArray("not a certificate"));
    EXPECT_TRUE(problemOf(c).contains(QStringLiteral("no PEM certificate")));
    QFile ca(server.caFile());
    ASSERT_TRUE(ca.open(QIODevice::ReadOnly));
    const QByteArray pem = ca.readAll();
    for (const char *name : { "with space.pem", "semi;colon.pem", "quo'te.pem" }) {
        c.caFile = writeFile(dir, QString::fromLatin1(name), pem);
        EXPECT_TRUE(problemOf(c).contains(QStringLiteral("plain path"))) << name;
    }
    c = good;
    c.team.clear();
    EXPECT_TRUE(problemOf(c).startsWith(QStringLiteral("Team:"))) << problemOf(c).toStdString();
    c.team = QStringLiteral("a/b");
    EXPECT_TRUE(problemOf(c).startsWith(QStringLiteral("Team:")));

    // A mode that does not verify the server is allowed, with a warning; without a CA.
    c = good;
    EXPECT_FALSE(TeamStoreSettings::warning(c).has_value());
    for (const char *mode : { "verify-ca", "require", "disable" }) {
        c.sslMode = QString::fromLatin1(mode);
        EXPECT_TRUE(TeamStoreSettings::warning(c).has_value()) << mode;
    }
    c.caFile.clear();
    EXPECT_FALSE(TeamStoreSettings::problem(c).has_value());
}
