#include "tests/support/PgServer.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aerodesk::test {

namespace {
const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");
// The system user the server runs as when the tests run as root (postgres refuses root). The
// Debian package creates `postgres`; without it PgServer creates this one (useradd --system).
const char *const kServerUsers[] = { "postgres", "aerodesk-pg" };

bool isRoot()
{
    return ::geteuid() == 0;
}

const passwd *serverAccount()
{
    for (const char *name : kServerUsers) {
        if (const passwd *pw = ::getpwnam(name))
            return pw;
    }
    QProcess::execute(QStringLiteral("useradd"),
                      { QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                        QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"),
                        QString::fromLatin1(kServerUsers[1]) });
    return ::getpwnam(kServerUsers[1]);
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString pgQuote(const QString &v)
{
    QString q = v;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString nextAdminConnection()
{
    static QAtomicInteger<quint64> n;
    return QStringLiteral("pgserver-admin-%1").arg(n.fetchAndAddRelaxed(1));
}
} // namespace

PgServer::PgServer()
{
    m_password =
        QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                            QByteArray::number(QRandomGenerator::system()->generate64(), 16));
}

PgServer::~PgServer()
{
    stop();
}

QString PgServer::dataDir() const
{
    return m_dir->filePath(QStringLiteral("data"));
}

QString PgServer::caFile() const
{
    if (m_attached)
        return m_attachedCa;
    return m_dir ? m_dir->filePath(QStringLiteral("ca.crt")) : QString();
}

QString PgServer::socketDir() const
{
    if (m_attached)
        return m_attachedSocket;
    return m_dir ? m_dir->filePath(QStringLiteral("sock")) : QString();
}

QString PgServer::directory() const
{
    return m_dir && !m_attached ? m_dir->path() : QString();
}

bool PgServer::attach(const QString &descriptionFile)
{
    QFile f(descriptionFile);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1").arg(descriptionFile);
        return false;
    }
    QHash<QString, QString> values;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    const int port = values.value(QStringLiteral("port")).toInt();
    if (port <= 0 || values.value(QStringLiteral("socket_dir")).isEmpty() ||
        values.value(QStringLiteral("ca_file")).isEmpty() ||
        values.value(QStringLiteral("admin_password")).isEmpty()) {
        m_error = QStringLiteral("%1 does not describe a cluster").arg(descriptionFile);
        return false;
    }
    stop();
    m_attached = true;
    m_port = port;
    m_attachedSocket = values.value(QStringLiteral("socket_dir"));
    m_attachedCa = values.value(QStringLiteral("ca_file"));
    m_password = values.value(QStringLiteral("admin_password"));
    return start();
}

QString PgServer::writeDescription()
{
    if (!isRunning() || m_attached) {
        m_error = QStringLiteral("no own running cluster to describe");
        return {};
    }
    const QString path = m_dir->filePath(QStringLiteral("cluster.env"));
    QFile f(path);
    // Created 0600 before anything is written: the admin password is in it.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_error = QStringLiteral("cannot create %1").arg(path);
        return {};
    }
    const QString text = QStringLiteral("port=%1\nsocket_dir=%2\nca_file=%3\nadmin_password=%4\n")
                             .arg(m_port)
                             .arg(socketDir(), caFile(), m_password);
    if (f.write(text.toUtf8()) < 0 || !f.flush()) {
        m_error = QStringLiteral("cannot write %1").arg(path);
        return {};
    }
    return path;
}

void PgServer::dropCreatedDatabases()
{
    // WITH (FORCE): connections a test left open end with it (PostgreSQL 13+).
    for (const QString &name : std::as_const(m_created))
        adminExec(QStringLiteral("postgres"),
                  QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    m_created.clear();
}

QStringList PgServer::serverCommand(const QString &program, const QStringList &args) const
{
    QStringList cmd { QStringLiteral("--pdeathsig"), QStringLiteral("KILL") };
    if (isRoot()) {
        const passwd *pw = serverAccount();
        cmd << QStringLiteral("--reuid=%1").arg(pw ? pw->pw_uid : 0)
            << QStringLiteral("--regid=%1").arg(pw ? pw->pw_gid : 0)
            << QStringLiteral("--init-groups");
    }
    cmd << QStringLiteral("--") << program << args;
    return cmd;
}

bool PgServer::run(const QString &program, const QStringList &args, bool asServerUser)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (asServerUser)
        p.start(QStringLiteral("setpriv"), serverCommand(program, args));
    else
        p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool PgServer::start()
{
    if (m_attached) {
        QString why;
        adminQuery(QStringLiteral("postgres"), QStringLiteral("SELECT 1"), &why);
        if (!why.isEmpty())
            m_error = QStringLiteral("the attached cluster does not answer: ") + why;
        return why.isEmpty();
    }
    if (isRunning())
        return true;
    if (!m_initialised) {
        // As root the directory must be reachable by the server user: under /tmp, not $TMPDIR.
        const QString base = isRoot() ? QStringLiteral("/tmp") : QDir::tempPath();
        m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/aerodesk-pg-XXXXXX"));
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory");
            return false;
        }
        if (!initCluster() || !makeCertificate() || !writeConfig())
            return false;
        m_initialised = true;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freeLoopbackPort();
        if (launch() && waitReady())
            return true;
        stop();
    }
    return false;
}

bool PgServer::initCluster()
{
    QDir(m_dir->path()).mkpath(QStringLiteral("sock"));
    const QString pwFile = m_dir->filePath(QStringLiteral("pw"));
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot write the password file");
            return false;
        }
        f.write(m_password.toLatin1() + '\n');
    }
    if (isRoot()) {
        const passwd *pw = serverAccount();
        if (!pw) {
            m_error = QStringLiteral("no unprivileged user to run PostgreSQL as");
            return false;
        }
        for (const QString &p : { m_dir->path(), socketDir(), pwFile }) {
            if (::chown(QFile::encodeName(p).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                m_error = QStringLiteral("cannot give %1 to the server user").arg(p);
                return false;
            }
        }
    }
    ::chmod(QFile::encodeName(pwFile).constData(), 0600);
    const bool ok =
        run(kBin + QStringLiteral("initdb"),
            { QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), adminUser(),
              QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--auth-local=trust"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync"),
              QStringLiteral("--no-instructions") },
            true);
    QFile::remove(pwFile);
    return ok;
}

bool PgServer::makeCertificate()
{
    const QString crt = m_dir->filePath(QStringLiteral("server.crt"));
    const QString key = m_dir->filePath(QStringLiteral("server.key"));
    if (!run(QStringLiteral("openssl"),
             { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
               QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
               QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
               QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt, QStringLiteral("-days"),
               QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
               QStringLiteral("-addext"),
               QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1") },
             false))
        return false;
    QFile::copy(crt, caFile());
    ::chmod(QFile::encodeName(key).constData(), 0600);
    if (isRoot()) {
        const passwd *pw = serverAccount();
        for (const QString &p : { crt, key })
            if (::chown(QFile::encodeName(p).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                m_error = QStringLiteral("cannot give the certificate to the server user");
                return false;
            }
    }
    return true;
}

bool PgServer::writeConfig()
{
    QFile conf(dataDir() + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append)) {
        m_error = QStringLiteral("cannot append to postgresql.conf");
        return false;
    }
    const QString extra =
        QStringLiteral("\n# tests/support/PgServer: a throwaway server, fast not durable\n"
                       "listen_addresses = '127.0.0.1'\n"
                       "unix_socket_directories = %1\n"
                       "ssl = on\nssl_cert_file = %2\nssl_key_file = %3\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                       "shared_buffers = 16MB\nmax_connections = %4\n"
                       "log_min_messages = warning\n")
            .arg(pgQuote(socketDir()), pgQuote(m_dir->filePath(QStringLiteral("server.crt"))),
                 pgQuote(m_dir->filePath(QStringLiteral("server.key"))))
            .arg(m_maxConnections);
    conf.write(extra.toUtf8());
    conf.close();
    QFile hba(dataDir() + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write pg_hba.conf");
        return false;
    }
    // TCP only with TLS and a password; the socket (inside the private directory) for setup.
    hba.write("local all all trust\n"
              "hostssl all all 127.0.0.1/32 scram-sha-256\n"
              "hostnossl all all 127.0.0.1/32 reject\n");
    return true;
}

bool PgServer::launch()
{
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->setStandardOutputFile(m_dir->filePath(QStringLiteral("server.log")),
                                    QIODevice::Append);
    m_server->start(QStringLiteral("setpriv"),
                    serverCommand(kBin + QStringLiteral("postgres"),
                                  { QStringLiteral("-D"), dataDir(), QStringLiteral("-p"),
                                    QString::number(m_port) }));
    if (!m_server->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start postgres: %1").arg(m_server->errorString());
        return false;
    }
    return true;
}

bool PgServer::waitReady()
{
    const QDeadlineTimer deadline(60000);
    const QString pidFile = dataDir() + QStringLiteral("/postmaster.pid");
    while (!deadline.hasExpired()) {
        if (m_server->state() == QProcess::NotRunning || m_server->waitForFinished(20)) {
            QFile log(m_dir->filePath(QStringLiteral("server.log")));
            log.open(QIODevice::ReadOnly);
            m_error = QStringLiteral("postgres exited: %1").arg(QString::fromUtf8(log.readAll()));
            return false;
        }
        QFile pid(pidFile);
        if (pid.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = pid.readAll().split('\n');
            // Line 8 of postmaster.pid is the server's status (what pg_ctl -w waits for).
            if (lines.size() > 7 && lines.at(7).trimmed() == "ready")
                return true;
        }
    }
    m_error = QStringLiteral("postgres did not become ready in 60 s");
    return false;
}

bool PgServer::isRunning() const
{
    if (m_attached)
        return true; // someone else's cluster: assumed up (start() checks)
    return m_server && m_server->state() != QProcess::NotRunning;
}

void PgServer::stop()
{
    if (m_attached || !m_server)
        return;
    if (m_server->state() != QProcess::NotRunning) {
        // setpriv exec()s postgres: the child is the postmaster itself. SIGINT = fast shutdown.
        ::kill(pid_t(m_server->processId()), SIGINT);
        if (!m_server->waitForFinished(30000)) {
            m_server->kill();
            m_server->waitForFinished(5000);
        }
    }
    m_server.reset();
}

bool PgServer::adminExec(const QString &database, const QString &sql, QString *error)
{
    QString why;
    adminQuery(database, sql, &why);
    if (error)
        *error = why;
    return why.isEmpty();
}

QStringList PgServer::adminQuery(const QString &database, const QString &sql, QString *error)
{
    QStringList rows;
    const QString name = nextAdminConnection();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(socketDir());
        db.setPort(m_port);
        db.setUserName(adminUser());
        db.setDatabaseName(database);
        QString why;
        if (!db.open()) {
            why = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                why = q.lastError().text();
            } else {
                while (q.next()) {
                    QStringList cells;
                    for (int i = 0; i < q.record().count(); ++i)
                        cells << q.value(i).toString();
                    rows << cells.join(QLatin1Char('\t'));
                }
            }
        }
        if (error)
            *error = why;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QString PgServer::createDatabase()
{
    // Unique in a cluster shared by a whole run too: a pid may come back, the random part not.
    const QString name = QStringLiteral("t%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++m_databases)
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (!adminExec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(name),
                   &m_error))
        return {};
    m_created << name;
    return name;
}

store::StoreTarget PgServer::target(const QString &database) const
{
    return store::StoreTarget::postgres(host(), m_port, database, adminUser(),
                                        QStringLiteral("verify-full"), caFile());
}

} // namespace aerodesk::test
