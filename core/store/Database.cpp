#include "core/store/Database.h"

#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/StoreFiles.h"
#include "core/util/LogCategories.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::store {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("aerodesk-store-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

Database::Database(StoreTarget target)
    : m_target(std::move(target))
    , m_connectionName(nextConnectionName())
{
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void Database::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Status<StoreError> Database::open(Mode mode)
{
    close();
    return m_target.isPostgres() ? openPostgres(mode) : openSqlite(mode);
}

Status<StoreError> Database::openPostgres(Mode mode)
{
    const QString where = m_target.describe();
    m_db = QSqlDatabase::addDatabase(SqlDialect::driver(StoreBackend::Postgres), m_connectionName);
    if (!m_db.isValid()) {
        close();
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("The PostgreSQL driver (QPSQL, Debian package "
                                               "libqt6sql6-psql) is not installed."));
    }
    bool optionsOk = false;
    const QString options = m_target.connectOptions(&optionsOk);
    if (!optionsOk) {
        close();
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("The team store's TLS settings for %1 are not "
                                               "usable (TLS mode or CA file path).")
                                    .arg(where));
    }
    m_db.setHostName(m_target.host());
    m_db.setPort(m_target.port());
    m_db.setDatabaseName(m_target.database());
    m_db.setUserName(m_target.user());
    m_db.setConnectOptions(options);
    // The driver needs the password as a QString for the moment of connecting: it is taken
    // back from QSqlDatabase and wiped right after (libpq keeps its own copy in the connection).
    QString password = m_password.toUtf8String();
    m_db.setPassword(password);
    const bool opened = m_db.open();
    m_db.setPassword(QString());
    crypto::secureWipe(password);
    if (!opened) {
        const QString why = m_db.lastError().text();
        close();
        return StoreError::make(
            StoreError::Kind::OpenFailed,
            QStringLiteral("Cannot open the team store at %1: %2").arg(where, why));
    }
    if (mode == Mode::ReadOnly) {
        if (auto s = exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"),
                          QStringLiteral("read-only session"));
            !s) {
            close();
            return s;
        }
    }
    return {};
}

Status<StoreError> Database::openSqlite(Mode mode)
{
    if (mode == Mode::ReadWrite) {
        if (auto s = StoreFiles::preparePrivate(m_target.path()); !s)
            return s;
    }
    const QString &path = m_target.path();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (mode == Mode::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("Cannot open the store at %1: %2").arg(path, why));
    }
    // Reading the schema proves the file is an SQLite database at all.
    QSqlQuery probe(m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        const QString why = probe.lastError().text();
        close();
        return StoreError::make(StoreError::Kind::NotAStore,
                                QStringLiteral("%1 is not an AeroDesk store (%2).").arg(path, why));
    }
    probe.finish(); // an open SELECT is a read transaction: WAL could not be switched on
    if (mode == Mode::ReadWrite) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
            q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            close();
            return StoreError::make(StoreError::Kind::OpenFailed,
                                    QStringLiteral("Cannot switch the store to WAL mode."));
        }
        // synchronous=FULL: in WAL mode every commit syncs the WAL, so a committed transaction
        // survives a power loss too (NORMAL may lose the last ones). See docs/store.md.
        for (const char *pragma : { "PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL" }) {
            if (auto s = exec(QString::fromLatin1(pragma), QStringLiteral("store settings")); !s) {
                close();
                return s;
            }
        }
    }
    return {};
}

Status<StoreError> Database::exec(const QString &sql, const QString &what)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return SqlFailure::describe(q.lastError(), what);
    return {};
}

Result<qint64, StoreError> Database::nextId(const QString &table)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence(?, 'id'))"));
    q.addBindValue(table);
    if (!q.exec() || !q.next())
        return SqlFailure::ofQuery(q, QStringLiteral("next id"));
    return q.value(0).toLongLong();
}

bool Database::hasTable(const QString &table) const
{
    QSqlQuery q(m_db);
    return q.exec(SqlDialect::tableExists(backend(), table)) && q.next() && q.value(0).toBool();
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status<StoreError> Database::migrate(const QList<Migration> &migrations,
                                     const crypto::SecureBytes &dataKey)
{
    // PostgreSQL: created only when missing — an agent's login may not create tables at all
    // (scripts/team-store-roles.sql) — under the migration lock, since two consoles creating it
    // at once would collide in the catalogue.
    const bool postgres = backend() == StoreBackend::Postgres;
    if (!postgres || !hasTable(QStringLiteral("schema_version"))) {
        if (postgres) {
            if (auto s = exec(QStringLiteral("BEGIN"), QStringLiteral("schema_version")); !s)
                return s;
            exec(SqlDialect::lock(backend(), QStringLiteral("migrate")), QStringLiteral("lock"));
        }
        if (auto s = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                         "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                         "applied_at TEXT NOT NULL)"),
                          QStringLiteral("schema_version"));
            !s) {
            if (postgres)
                exec(QStringLiteral("ROLLBACK"), QStringLiteral("schema_version"));
            return s;
        }
        if (postgres)
            exec(QStringLiteral("COMMIT"), QStringLiteral("schema_version"));
    }
    const int current = schemaVersion();
    int newest = 0;
    for (const Migration &m : migrations)
        newest = std::max(newest, m.version);
    if (current > newest)
        return StoreError::make(
            StoreError::Kind::TooNew,
            QStringLiteral("The store has schema version %1, newer than this AeroDesk knows (%2). "
                           "Use a newer AeroDesk.")
                .arg(current)
                .arg(newest));
    int previous = 0;
    for (const Migration &m : migrations) {
        if (m.version <= previous)
            return StoreError::make(StoreError::Kind::Migration,
                                    QStringLiteral("Migrations are not in increasing order."));
        previous = m.version;
        if (m.version <= current)
            continue;
        // IMMEDIATE takes the write lock first, so two processes opening the same file cannot
        // both apply a step: the second one waits, then sees the version and skips it.
        // PostgreSQL: BEGIN + an advisory lock does the same between consoles.
        if (!exec(SqlDialect::beginWrite(backend()), QStringLiteral("begin migration")))
            return StoreError::make(StoreError::Kind::Migration,
                                    QStringLiteral("Cannot begin migration %1.").arg(m.version));
        if (backend() == StoreBackend::Postgres &&
            !exec(SqlDialect::lock(backend(), QStringLiteral("migrate")),
                  QStringLiteral("lock migration"))) {
            exec(QStringLiteral("ROLLBACK"), QStringLiteral("lock migration"));
            return StoreError::make(StoreError::Kind::Migration,
                                    QStringLiteral("Cannot lock migration %1.").arg(m.version));
        }
        if (schemaVersion() >= m.version) {
            exec(QStringLiteral("ROLLBACK"), QStringLiteral("skip migration"));
            continue;
        }
        QString error;
        MigrationContext context { m_db, dataKey, backend() };
        bool ok = m.apply(context, error);
        if (ok) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral(
                "INSERT INTO schema_version(version, name, applied_at) VALUES(?, ?, ?)"));
            q.addBindValue(m.version);
            q.addBindValue(m.name);
            q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            ok = q.exec();
            if (!ok)
                error = q.lastError().text();
        }
        if (ok && !exec(QStringLiteral("COMMIT"), QStringLiteral("commit migration"))) {
            ok = false;
            error = QStringLiteral("the commit failed");
        }
        if (!ok) {
            exec(QStringLiteral("ROLLBACK"), QStringLiteral("roll back migration"));
            qCWarning(aerodesk::log::store).noquote()
                << "migration" << m.version << m.name << "failed, rolled back:" << error;
            return StoreError::make(StoreError::Kind::Migration,
                                    QStringLiteral("Schema migration %1 (%2) failed: %3")
                                        .arg(m.version)
                                        .arg(m.name, error));
        }
        qCInfo(aerodesk::log::store).noquote()
            << "migrated" << m_target.describe() << "to schema version" << m.version << m.name;
    }
    return {};
}

} // namespace aerodesk::store
