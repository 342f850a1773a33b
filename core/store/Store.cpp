#include "core/store/Store.h"

#include "core/crypto/Random.h"
#include "core/store/KeyCheck.h"
#include "core/store/StoreFiles.h"
#include "core/store/StoreKeys.h"
#include "core/store/StoreSchema.h"
#include "core/util/LogCategories.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace aerodesk::store {

QString Store::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    StoreFiles::makePrivateDirectory(dir, /*tighten=*/true);
    return dir + QStringLiteral("/aerodesk.sqlite");
}

bool Store::exists(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && info.size() > 0;
}

Store::Store(const StoreTarget &target)
    : m_db(target)
    , m_connections(m_db, m_cipher, m_index)
    , m_history(m_connections, m_db, m_cipher, m_index)
{
    m_connections.setSessionId(QString::fromLatin1(crypto::Random::hex(8)));
}

Result<std::unique_ptr<Store>, StoreError> Store::open(const StoreTarget &target,
                                                       const crypto::SecureBytes &dataKey,
                                                       const QList<Migration> &migrationsIn,
                                                       const crypto::SecureBytes &password)
{
    const QString path = target.describe();
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
    std::unique_ptr<Store> store(new Store(target));
    if (target.isPostgres())
        store->m_db.setPassword(password.clone());
    const auto failed = [&](const StoreError &e) {
        qCWarning(aerodesk::log::store).noquote()
            << "cannot open the store" << path << "-" << e.message;
        return e;
    };
    bool isNew = false;
    if (auto s = store->checkExisting(isNew, dataKey, migrations); !s)
        return failed(s.error());
    if (auto s = store->openReadWrite(dataKey, migrations); !s)
        return failed(s.error());
    if (target.isPostgres()) {
        // Another console may have created the team store between our check and migrate():
        // its key check must open with our key, or nothing of ours is written there.
        QSqlQuery q(store->m_db.db());
        const int version = store->m_db.schemaVersion();
        if (!q.exec(QStringLiteral("SELECT value FROM store_meta WHERE key = 'key_check'")) ||
            !q.next() ||
            !KeyCheck::verify(StoreKeys::cipher(dataKey, version), q.value(0).toByteArray()))
            return failed(StoreError::make(
                StoreError::Kind::WrongKey,
                QStringLiteral("The data key does not open the team store %1. Nothing was "
                               "changed.")
                    .arg(path)));
    }
    // The file's version decides how its fields are sealed (legacy before v3, see StoreKeys).
    const int version = store->m_db.schemaVersion();
    store->m_dataKey = dataKey.clone();
    store->m_cipher = StoreKeys::cipher(dataKey, version);
    store->m_index = StoreKeys::blindIndex(dataKey, version);
    store->m_connections.setRowVersions(version >= StoreSchema::kRowVersions);
    qCDebug(aerodesk::log::store).noquote() << (isNew ? "created" : "opened") << "store" << path
                                            << "schema version" << store->m_db.schemaVersion();
    return store;
}

Status<StoreError> Store::checkExisting(bool &isNew, const crypto::SecureBytes &dataKey,
                                        const QList<Migration> &migrations)
{
    if (m_db.target().isSqlite()) {
        isNew = !exists(m_db.path());
        if (isNew)
            return {};
        if (auto s = StoreFiles::checkWritable(m_db.path()); !s)
            return s;
        return checkKeyReadOnly(dataKey, migrations);
    }
    if (auto s = m_db.open(Database::Mode::ReadOnly); !s)
        return s;
    isNew = !m_db.hasTable(QStringLiteral("store_meta"));
    m_db.close();
    return isNew ? Status<StoreError>() : checkKeyReadOnly(dataKey, migrations);
}

Status<StoreError> Store::checkKeyReadOnly(const crypto::SecureBytes &dataKey,
                                           const QList<Migration> &migrations)
{
    if (auto s = m_db.open(Database::Mode::ReadOnly); !s)
        return s;
    const int current = m_db.schemaVersion();
    // A newer file is refused first: its key check may be sealed in a way this code does not know.
    int newest = 0;
    for (const Migration &m : migrations)
        newest = std::max(newest, m.version);
    if (current > newest) {
        m_db.close();
        return StoreError::make(
            StoreError::Kind::TooNew,
            QStringLiteral(
                "The store has schema version %1, newer than this AeroDesk knows (%2). Use a "
                "newer AeroDesk.")
                .arg(current)
                .arg(newest));
    }
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT value FROM store_meta WHERE key = 'key_check'"));
    if (!q.exec() || !q.next()) {
        m_db.close();
        return StoreError::make(
            StoreError::Kind::NotAStore,
            QStringLiteral(
                "%1 is not an AeroDesk store (no key check value); it was left untouched.")
                .arg(m_db.target().describe()));
    }
    const QByteArray sealed = q.value(0).toByteArray();
    q.finish();
    if (!KeyCheck::verify(StoreKeys::cipher(dataKey, current), sealed)) {
        m_db.close();
        return StoreError::make(
            StoreError::Kind::WrongKey,
            QStringLiteral(
                "The data key in the keychain does not open this store (%1). Nothing was "
                "changed. Restore the keychain entry \"%2\" that created it, or move the file "
                "away.")
                .arg(m_db.target().describe(), QLatin1String(kKeychainName)));
    }
    m_db.close();
    return {};
}

Status<StoreError> Store::openReadWrite(const crypto::SecureBytes &dataKey,
                                        const QList<Migration> &migrations)
{
    if (auto s = m_db.open(Database::Mode::ReadWrite); !s)
        return s;
    // A new file gets its key check value inside migration 1's transaction (StoreSchema).
    return m_db.migrate(migrations, dataKey);
}

} // namespace aerodesk::store
