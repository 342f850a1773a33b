#include "core/store/Database.h"

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

Database::Database(QString path)
    : m_path(std::move(path))
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
    if (mode == Mode::ReadWrite) {
        if (auto s = StoreFiles::preparePrivate(m_path); !s)
            return s;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (mode == Mode::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("Cannot open the store at %1: %2").arg(m_path, why));
    }
    // Reading the schema proves the file is an SQLite database at all.
    QSqlQuery probe(m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        const QString why = probe.lastError().text();
        close();
        return StoreError::make(
            StoreError::Kind::NotAStore,
            QStringLiteral("%1 is not an AeroDesk store (%2).").arg(m_path, why));
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
    if (auto s =
            exec(QStringLiteral(
                     "CREATE TABLE IF NOT EXISTS schema_version ("
                     "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"),
                 QStringLiteral("schema_version"));
        !s)
        return s;
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
        if (!exec(QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("begin migration")))
            return StoreError::make(StoreError::Kind::Migration,
                                    QStringLiteral("Cannot begin migration %1.").arg(m.version));
        if (schemaVersion() >= m.version) {
            exec(QStringLiteral("ROLLBACK"), QStringLiteral("skip migration"));
            continue;
        }
        QString error;
        MigrationContext context { m_db, dataKey };
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
            << "migrated" << m_path << "to schema version" << m.version << m.name;
    }
    return {};
}

} // namespace aerodesk::store
