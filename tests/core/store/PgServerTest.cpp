// The test harness's PostgreSQL (tests/support/PgServer): a real server, TLS verified against
// its throwaway CA, password-only over TCP, not running as root, restartable, and gone after;
// and the run-wide cluster test processes attach to (AERODESK_TEST_PG).
#include "tests/support/PgServer.h"

#include "tests/support/StoreBackend.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sys/stat.h>

using aerodesk::test::PgServer;

namespace {
struct Outcome
{
    bool opened = false;
    QString error;
    QString ssl;
};

Outcome connectTcp(const PgServer &server, const QString &sslMode, const QString &caFile,
                   const QString &password, const QString &host = QStringLiteral("127.0.0.1"))
{
    static int n = 0;
    const QString name = QStringLiteral("pgservertest-%1").arg(++n);
    Outcome out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host);
        db.setPort(server.port());
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(server.adminUser());
        db.setPassword(password);
        db.setConnectOptions(
            QStringLiteral("sslmode=%1;sslrootcert=%2;connect_timeout=10").arg(sslMode, caFile));
        out.opened = db.open();
        out.error = db.lastError().text();
        if (out.opened) {
            QSqlQuery q(db);
            if (q.exec(
                    QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                q.next())
                out.ssl = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

uint processUid(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return uint(-1);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("Uid:"))
            return line.mid(4).simplified().split(' ').value(0).toUInt();
    return uint(-1);
}
} // namespace

TEST(PgServerTest, ServesVerifiedTlsWithAPasswordOnlyAndNeverAsRoot)
{
    PgServer server;
    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    EXPECT_GT(server.port(), 0);

    const Outcome good =
        connectTcp(server, QStringLiteral("verify-full"), server.caFile(), server.adminPassword());
    ASSERT_TRUE(good.opened) << good.error.toStdString();
    EXPECT_EQ(good.ssl, QStringLiteral("true"));

    // The name in the certificate is checked too: "localhost" is in it, another name is not.
    EXPECT_TRUE(connectTcp(server, QStringLiteral("verify-full"), server.caFile(),
                           server.adminPassword(), QStringLiteral("localhost"))
                    .opened);
    EXPECT_FALSE(
        connectTcp(server, QStringLiteral("verify-full"), server.caFile(), QStringLiteral("nope"))
            .opened)
        << "a wrong password must be refused";
    EXPECT_FALSE(
        connectTcp(server, QStringLiteral("disable"), server.caFile(), server.adminPassword())
            .opened)
        << "TCP without TLS must be refused";

    // Another CA (a certificate of our own) does not verify the server.
    QTemporaryDir other;
    const QString otherCa = other.filePath(QStringLiteral("other.crt"));
    ASSERT_EQ(QProcess::execute(QStringLiteral("openssl"),
                                { QStringLiteral("req"), QStringLiteral("-x509"),
                                  QStringLiteral("-newkey"), QStringLiteral("ec"),
                                  QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:prime256v1"),
                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                  other.filePath(QStringLiteral("k")), QStringLiteral("-out"),
                                  otherCa, QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                  QStringLiteral("-days"), QStringLiteral("1") }),
              0);
    EXPECT_FALSE(
        connectTcp(server, QStringLiteral("verify-full"), otherCa, server.adminPassword()).opened);

    // The postmaster runs as an unprivileged user (PostgreSQL refuses root).
    const QStringList pid =
        server.adminQuery(QStringLiteral("postgres"),
                          QStringLiteral("SELECT pg_postmaster_start_time(), "
                                         "(SELECT pid FROM pg_stat_activity "
                                         "WHERE backend_type = 'checkpointer')"));
    ASSERT_EQ(pid.size(), 1);
    EXPECT_NE(processUid(pid.first().split(QLatin1Char('\t')).value(1).toLongLong()), 0u);
}

TEST(PgServerTest, RestartsWithItsDataAndRemovesEverythingAtTheEnd)
{
    QString dir;
    {
        PgServer server;
        ASSERT_TRUE(server.start()) << server.errorString().toStdString();
        dir = server.caFile().section(QLatin1Char('/'), 0, -2);
        const QString db = server.createDatabase();
        ASSERT_FALSE(db.isEmpty()) << server.errorString().toStdString();
        ASSERT_TRUE(server.adminExec(db, QStringLiteral("CREATE TABLE t (v bytea)")));
        ASSERT_TRUE(
            server.adminExec(db, QStringLiteral("INSERT INTO t VALUES ('\\x00ff'::bytea)")));
        const int port = server.port();
        server.stop();
        EXPECT_FALSE(server.isRunning());
        QString error;
        EXPECT_FALSE(server.adminExec(db, QStringLiteral("SELECT 1"), &error));
        ASSERT_TRUE(server.start()) << server.errorString().toStdString();
        EXPECT_EQ(server.port(), port);
        EXPECT_EQ(server.adminQuery(db, QStringLiteral("SELECT encode(v, 'hex') FROM t")),
                  QStringList { QStringLiteral("00ff") });
    }
    EXPECT_FALSE(QFile::exists(dir));
}

// The run-wide cluster (scripts/with-test-pg.sh, aerodesk_test_pgcluster): a process attached
// through AERODESK_TEST_PG gets databases on that cluster, verified TLS with its CA and
// password, and its stop() leaves the cluster running for every other process of the run.
TEST(PgServerTest, AttachedToTheRunsClusterCreatesDatabasesAndNeverStopsIt)
{
    PgServer cluster;
    cluster.setMaxConnections(200);
    ASSERT_TRUE(cluster.start()) << cluster.errorString().toStdString();
    const QString description = cluster.writeDescription();
    ASSERT_FALSE(description.isEmpty()) << cluster.errorString().toStdString();
    struct stat st = {};
    ASSERT_EQ(::stat(QFile::encodeName(description).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "the description holds the admin password";
    EXPECT_EQ(
        cluster.adminQuery(QStringLiteral("postgres"), QStringLiteral("SHOW max_connections")),
        QStringList { QStringLiteral("200") });

    PgServer nowhere;
    EXPECT_FALSE(nowhere.attach(cluster.directory() + QStringLiteral("/missing.env")));

    qputenv(aerodesk::test::kSharedPgVariable, QFile::encodeName(description));
    PgServer &shared = aerodesk::test::sharedPgServer();
    qunsetenv(aerodesk::test::kSharedPgVariable);
    ASSERT_TRUE(shared.isAttached()) << shared.errorString().toStdString();
    EXPECT_EQ(shared.port(), cluster.port());
    EXPECT_EQ(shared.caFile(), cluster.caFile());
    EXPECT_EQ(shared.socketDir(), cluster.socketDir());
    EXPECT_TRUE(
        connectTcp(shared, QStringLiteral("verify-full"), shared.caFile(), shared.adminPassword())
            .opened);

    // A store location on the shared server is a database of the cluster.
    aerodesk::test::StoreBackend where(aerodesk::test::Backend::Postgres);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    EXPECT_EQ(where.target().port(), cluster.port());
    const QString exists = QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'")
                               .arg(where.target().database());
    EXPECT_EQ(cluster.adminQuery(QStringLiteral("postgres"), exists),
              QStringList { QStringLiteral("1") });

    // stop()/start() on the attached handle do nothing to the cluster.
    shared.stop();
    EXPECT_TRUE(cluster.isRunning());
    QString error;
    EXPECT_TRUE(cluster.adminExec(where.target().database(), QStringLiteral("SELECT 1"), &error))
        << error.toStdString();
    EXPECT_TRUE(shared.start()) << shared.errorString().toStdString();

    // After the process's last test its databases go; the cluster stays.
    shared.dropCreatedDatabases();
    EXPECT_EQ(cluster.adminQuery(QStringLiteral("postgres"), exists),
              QStringList { QStringLiteral("0") });
    EXPECT_TRUE(cluster.isRunning());
}
