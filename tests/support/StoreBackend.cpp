#include "tests/support/StoreBackend.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace aerodesk::test {

namespace {
class PgEnvironment : public ::testing::Environment
{
public:
    void TearDown() override
    {
        if (server.isAttached())
            server.dropCreatedDatabases(); // the run's cluster stays up for the next process
        else
            server.stop();
    }
    PgServer server;
    bool started = false; ///< start once: a test may stop it on purpose (outage tests)
};

PgEnvironment *newEnvironment()
{
    auto *e = new PgEnvironment; // gtest owns and deletes it
    ::testing::AddGlobalTestEnvironment(e);
    return e;
}

/// A raw connection of its own (SQLite file or PostgreSQL admin over the unix socket).
class RawConnection
{
public:
    explicit RawConnection(const StoreBackend &b)
    {
        static QAtomicInteger<quint64> n;
        m_name = QStringLiteral("store-backend-raw-%1").arg(n.fetchAndAddRelaxed(1));
        if (b.isPostgres()) {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            db.setHostName(b.server().socketDir());
            db.setPort(b.server().port());
            db.setUserName(b.server().adminUser());
            db.setDatabaseName(b.target().database());
            db.open();
        } else {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            db.setDatabaseName(b.target().path());
            db.open();
        }
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};
} // namespace

std::string backendName(const ::testing::TestParamInfo<Backend> &info)
{
    return info.param == Backend::Postgres ? "Postgres" : "Sqlite";
}

void PrintTo(Backend backend, std::ostream *os)
{
    *os << (backend == Backend::Postgres ? "Postgres" : "Sqlite");
}

PgServer &sharedPgServer()
{
    static PgEnvironment *env = newEnvironment();
    if (!env->started) {
        env->started = true;
        const QString shared = qEnvironmentVariable(kSharedPgVariable);
        if (shared.isEmpty())
            env->server.start();
        else
            env->server.attach(shared);
    }
    return env->server;
}

PgServer &privatePgServer()
{
    static PgEnvironment *env = newEnvironment();
    if (!env->started) {
        env->started = true;
        env->server.start();
    }
    return env->server;
}

StoreBackend::StoreBackend(Backend backend)
    : m_backend(backend)
{
    if (backend == Backend::Postgres)
        m_server = &sharedPgServer();
    init();
}

StoreBackend::StoreBackend(Backend backend, PgServer &server)
    : m_backend(backend)
    , m_server(&server)
{
    init();
}

void StoreBackend::init()
{
    if (m_backend == Backend::Sqlite) {
        if (!m_dir.isValid())
            m_error = QStringLiteral("no temporary folder");
        m_target = store::StoreTarget(m_dir.filePath(QStringLiteral("aerodesk.sqlite")));
        return;
    }
    PgServer &server = *m_server;
    if (!server.isRunning()) {
        m_error = QStringLiteral("PostgreSQL did not start: ") + server.errorString();
        return;
    }
    const QString database = server.createDatabase();
    if (database.isEmpty()) {
        m_error = QStringLiteral("CREATE DATABASE failed: ") + server.errorString();
        return;
    }
    m_target = server.target(database);
}

crypto::SecureBytes StoreBackend::password() const
{
    if (!isPostgres())
        return {};
    return crypto::SecureBytes::fromUtf8(m_server->adminPassword());
}

Result<std::unique_ptr<store::Store>, store::StoreError>
StoreBackend::open(const crypto::SecureBytes &key, const QList<store::Migration> &migrations) const
{
    return store::Store::open(m_target, key, migrations, password());
}

QByteArray StoreBackend::rawBytes() const
{
    QByteArray all;
    if (!isPostgres()) {
        for (const QString &suffix :
             { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            QFile f(m_target.path() + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
    RawConnection raw(*this);
    QSqlQuery tables(raw.db());
    tables.exec(QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                               "ORDER BY tablename"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : names) {
        all += "table " + table.toUtf8() + '\n';
        QSqlQuery asText(raw.db());
        asText.exec(QStringLiteral("SELECT t::text FROM %1 t").arg(table));
        while (asText.next())
            all += asText.value(0).toString().toUtf8() + '\n';
        QSqlQuery values(raw.db());
        values.exec(QStringLiteral("SELECT * FROM %1").arg(table));
        while (values.next()) {
            for (int i = 0; i < values.record().count(); ++i) {
                const QVariant v = values.value(i);
                all +=
                    v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
                all += '\n';
            }
        }
    }
    return all;
}

bool StoreBackend::rawExec(const QString &sql, const QVariantList &binds) const
{
    RawConnection raw(*this);
    QSqlQuery q(raw.db());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

QVariant StoreBackend::rawScalar(const QString &sql, const QVariantList &binds) const
{
    RawConnection raw(*this);
    QSqlQuery q(raw.db());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec() && q.next() ? q.value(0) : QVariant();
}

} // namespace aerodesk::test
