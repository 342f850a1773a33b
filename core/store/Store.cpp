#include "core/store/Store.h"

#include "core/store/StoreSchema.h"
#include "core/util/LogCategories.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace aerodesk::store {

namespace {
const QByteArray kKeyCheckPlaintext = "AeroDesk store key check v1";
const QString kKeyCheckPlace = QStringLiteral("store_meta.key_check");
} // namespace

QString Store::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/aerodesk.sqlite");
}

bool Store::exists(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && info.size() > 0;
}

Store::Store(const QString &path, const crypto::SecureBytes &dataKey)
    : m_db(path)
    , m_cipher(dataKey.clone())
    , m_index(dataKey)
    , m_connections(m_db, m_cipher, m_index)
    , m_history(m_connections, m_db, m_cipher, m_index)
{
}

Result<std::unique_ptr<Store>, StoreError> Store::open(const QString &path,
                                                       const crypto::SecureBytes &dataKey,
                                                       const QList<Migration> &migrationsIn)
{
    if (dataKey.size() != std::size_t(kDataKeyBytes)) {
        qCWarning(aerodesk::log::store)
            << "the store data key has" << dataKey.size() << "bytes, not" << kDataKeyBytes;
        return StoreError::make(
            StoreError::Kind::WrongKey,
            QStringLiteral("The store data key must be %1 bytes; the keychain entry holds %2.")
                .arg(kDataKeyBytes)
                .arg(dataKey.size()));
    }
    const QList<Migration> migrations =
        migrationsIn.isEmpty() ? StoreSchema::migrations() : migrationsIn;
    std::unique_ptr<Store> store(new Store(path, dataKey));
    const bool isNew = !exists(path);
    const auto failed = [&](const StoreError &e) {
        qCWarning(aerodesk::log::store).noquote()
            << "cannot open the store" << path << "-" << e.message;
        return e;
    };
    if (!isNew) {
        if (auto s = store->checkKeyReadOnly(migrations); !s)
            return failed(s.error());
    }
    if (auto s = store->openReadWrite(isNew, migrations); !s)
        return failed(s.error());
    qCDebug(aerodesk::log::store).noquote() << (isNew ? "created" : "opened") << "store" << path
                                            << "schema version" << store->m_db.schemaVersion();
    return store;
}

Status<StoreError> Store::checkKeyReadOnly(const QList<Migration> &migrations)
{
    if (auto s = m_db.open(Database::Mode::ReadOnly); !s)
        return s;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT value FROM store_meta WHERE key = 'key_check'"));
    if (!q.exec() || !q.next()) {
        m_db.close();
        return StoreError::make(
            StoreError::Kind::NotAStore,
            QStringLiteral(
                "%1 is not an AeroDesk store (no key check value); it was left untouched.")
                .arg(m_db.path()));
    }
    const QByteArray sealed = q.value(0).toByteArray();
    q.finish();
    auto opened = m_cipher.open(kKeyCheckPlace, sealed);
    if (!opened || opened->view() != QByteArrayView(kKeyCheckPlaintext)) {
        m_db.close();
        return StoreError::make(
            StoreError::Kind::WrongKey,
            QStringLiteral(
                "The data key in the keychain does not open this store (%1). Nothing was "
                "changed. Restore the keychain entry \"%2\" that created it, or move the file "
                "away.")
                .arg(m_db.path(), QLatin1String(kKeychainName)));
    }
    int newest = 0;
    for (const Migration &m : migrations)
        newest = std::max(newest, m.version);
    const int current = m_db.schemaVersion();
    m_db.close();
    if (current > newest)
        return StoreError::make(
            StoreError::Kind::TooNew,
            QStringLiteral(
                "The store has schema version %1, newer than this AeroDesk knows (%2). Use a "
                "newer AeroDesk.")
                .arg(current)
                .arg(newest));
    return {};
}

Status<StoreError> Store::openReadWrite(bool isNew, const QList<Migration> &migrations)
{
    if (auto s = m_db.open(Database::Mode::ReadWrite); !s)
        return s;
    if (auto s = m_db.migrate(migrations); !s)
        return s;
    if (isNew) {
        auto sealed = m_cipher.seal(kKeyCheckPlace, kKeyCheckPlaintext);
        if (!sealed)
            return sealed.error();
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("INSERT INTO store_meta(key, value) VALUES('key_check', ?)"));
        q.addBindValue(*sealed);
        if (!q.exec())
            return StoreError::make(StoreError::Kind::Sql,
                                    QStringLiteral("Cannot write the store's key check value."));
    }
    return {};
}

} // namespace aerodesk::store
