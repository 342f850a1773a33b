#include "core/store/Store.h"

#include "core/crypto/Random.h"
#include "core/store/KeyCheck.h"
#include "core/store/KeyEpochs.h"
#include "core/store/StoreFiles.h"
#include "core/store/StoreKeys.h"
#include "core/store/StoreSchema.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
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

Result<std::unique_ptr<Store>, StoreError>
Store::openAnother(const StoreTarget &target, const crypto::SecureBytes &dataKey,
                   const crypto::SecureBytes &password,
                   const std::vector<crypto::SecureBytes> &otherKeys)
{
    auto opened = open(target, dataKey, {}, password);
    if (!opened)
        return opened.error();
    for (const crypto::SecureBytes &other : otherKeys)
        (*opened)->addKey(other); // a key of no live epoch is not used
    return opened;
}

Result<std::unique_ptr<Store>, StoreError> Store::open(const StoreTarget &target,
                                                       const crypto::SecureBytes &dataKey,
                                                       const QList<Migration> &migrationsIn,
                                                       const crypto::SecureBytes &password,
                                                       const QString &teamKeyId)
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
    if (target.isPostgres()) {
        store->m_db.setPassword(password.clone());
        store->m_teamKeyId = teamKeyId;
    }
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
        if (!KeyEpochs::epochOf(store->m_db.db(), dataKey, store->m_db.schemaVersion())) {
            const QString recorded = store->recordedTeamKeyId();
            if (!recorded.isEmpty() && !store->m_teamKeyId.isEmpty())
                return failed(store->teamKeyMismatch(recorded));
            return failed(StoreError::make(
                StoreError::Kind::WrongKey,
                QStringLiteral("The data key does not open the team store %1. Nothing was "
                               "changed.")
                    .arg(path)));
        }
        store->recordTeamKeyId();
    }
    // The file's version decides how its fields are sealed (legacy before v3, see StoreKeys).
    const int version = store->m_db.schemaVersion();
    store->m_dataKey = dataKey.clone();
    store->m_cipher = StoreKeys::cipher(dataKey, version);
    store->m_index = StoreKeys::blindIndex(dataKey, version);
    store->m_connections.setRowVersions(version >= StoreSchema::kRowVersions);
    if (version >= KeyEpochs::kSchema) {
        const auto epoch = KeyEpochs::epochOf(store->m_db.db(), dataKey, version);
        if (epoch)
            store->m_epochKeys.emplace(*epoch, dataKey.clone());
        if (auto s = store->refreshKeys(); !s)
            return failed(s.error());
    }
    qCDebug(aerodesk::log::store).noquote() << (isNew ? "created" : "opened") << "store" << path
                                            << "schema version" << store->m_db.schemaVersion();
    return store;
}

Status<StoreError> Store::addKey(const crypto::SecureBytes &otherKey)
{
    const int version = m_db.schemaVersion();
    const auto epoch = version >= KeyEpochs::kSchema
        ? KeyEpochs::epochOf(m_db.db(), otherKey, version)
        : std::nullopt;
    if (!epoch)
        return StoreError::make(StoreError::Kind::WrongKey,
                                QStringLiteral("That key opens no key epoch of this store."));
    m_epochKeys.insert_or_assign(*epoch, otherKey.clone());
    return refreshKeys();
}

std::vector<crypto::SecureBytes> Store::otherKeys() const
{
    std::vector<crypto::SecureBytes> out;
    for (const auto &[epoch, key] : m_epochKeys)
        if (key.view() != m_dataKey.view())
            out.push_back(key.clone());
    return out;
}

Status<StoreError> Store::refreshKeys()
{
    const int version = m_db.schemaVersion();
    if (version < KeyEpochs::kSchema)
        return {};
    auto plan = KeyEpochs::loadPlan(m_db.db());
    if (!plan)
        return plan.error();
    m_plan = std::move(plan).value();
    QList<int> readable;
    for (int live : m_plan.liveEpochs())
        if (m_epochKeys.count(live))
            readable << live;
    if (readable.isEmpty())
        return StoreError::make(
            StoreError::Kind::WrongKey,
            QStringLiteral("This console's team key opens no epoch whose rows are in the store "
                           "now (epoch %1). Nothing was read or changed.")
                .arg(m_plan.current().number));
    const int writeEpoch = m_plan.writeEpoch();
    const bool canWrite = m_epochKeys.count(writeEpoch) > 0;
    const int primary = canWrite ? writeEpoch : readable.last();
    m_cipher = StoreKeys::cipher(m_epochKeys.at(primary), version, primary);
    m_index = StoreKeys::blindIndex(m_epochKeys.at(primary), version);
    for (int e : readable) {
        if (e == primary)
            continue;
        m_cipher.addReadable(StoreKeys::cipher(m_epochKeys.at(e), version, e));
        m_index.addReadable(StoreKeys::indexKey(m_epochKeys.at(e)));
    }
    if (!canWrite)
        m_cipher.refuseWrites(
            QCoreApplication::translate(
                "aerodesk::store::Store",
                "The team key is being rotated and this console holds only the old key: it can "
                "read the store but not change it. Ask your team lead for an export of the new "
                "key (%1) and import it.")
                .arg(m_plan.next().keyId));
    m_connections.setKeyEpoch(m_cipher.epoch());
    return {};
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
    // Any epoch's key check (KeyEpochs): after a rotation only the newest epoch's is left.
    bool hasChecks = false;
    const bool opens = KeyEpochs::epochOf(m_db.db(), dataKey, current, &hasChecks).has_value();
    if (!hasChecks) {
        m_db.close();
        return StoreError::make(
            StoreError::Kind::NotAStore,
            QStringLiteral(
                "%1 is not an AeroDesk store (no key check value); it was left untouched.")
                .arg(m_db.target().describe()));
    }
    if (!opens && !m_teamKeyId.isEmpty()) {
        // The team store names the key it expects: another team's key (or a retired one) is
        // told apart from a damaged store, by public ids only. (Only when our key opens no
        // epoch: after a rotation the current key's id is not the one recorded first.)
        const QString recorded = recordedTeamKeyId();
        if (!recorded.isEmpty() && recorded != m_teamKeyId) {
            m_db.close();
            return teamKeyMismatch(recorded);
        }
    }
    if (!opens) {
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

QString Store::recordedTeamKeyId()
{
    // The newest epoch's key id once a rotation recorded one (KeyEpochs: "key_id.e<N>"), else
    // the id recorded when the store was created.
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT key, value FROM store_meta WHERE key = ? OR key LIKE ?"));
    q.addBindValue(QString::fromLatin1(kTeamKeyIdMeta));
    q.addBindValue(QStringLiteral("key_id.e%"));
    if (!q.exec())
        return {};
    QString first;
    QString newest;
    int newestEpoch = 0;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString id = QString::fromUtf8(q.value(1).toByteArray());
        if (key == QLatin1String(kTeamKeyIdMeta)) {
            first = id;
            continue;
        }
        bool ok = false;
        const int epoch = key.mid(int(qstrlen("key_id.e"))).toInt(&ok);
        if (ok && epoch > newestEpoch) {
            newestEpoch = epoch;
            newest = id;
        }
    }
    return newest.isEmpty() ? first : newest;
}

StoreError Store::teamKeyMismatch(const QString &expected) const
{
    return StoreError::make(
        StoreError::Kind::WrongKey,
        QCoreApplication::translate("aerodesk::store::Store",
                                    "This team store expects team key %1; this console holds %2. "
                                    "Nothing was read or changed: import the team's current key "
                                    "(aerodesk-cli team import) or choose the team that owns "
                                    "this store.")
            .arg(expected, m_teamKeyId));
}

void Store::recordTeamKeyId()
{
    if (m_teamKeyId.isEmpty() || !recordedTeamKeyId().isEmpty())
        return;
    // Our key opened the key check, so the id is this key's. DO NOTHING: another console of
    // the same team may have recorded it meanwhile. An agent role (SELECT only on store_meta)
    // cannot write it; the store then stays without one until its owner opens it.
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?)"
                             " ON CONFLICT(key) DO NOTHING"));
    q.addBindValue(QString::fromLatin1(kTeamKeyIdMeta));
    q.addBindValue(m_teamKeyId.toUtf8());
    if (!q.exec())
        qCInfo(aerodesk::log::store) << "the team store's key id is not recorded (no right to "
                                        "write store_meta)";
    else
        qCInfo(aerodesk::log::store).noquote() << "team store records team key" << m_teamKeyId;
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
