#include "core/store/StoreOpener.h"

#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/util/LogCategories.h"

#include <QPointer>

namespace aerodesk::store {

StoreOpener::StoreOpener(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

void StoreOpener::open(const QString &path, Done done, QList<Migration> migrations)
{
    const QString name = QString::fromLatin1(Store::kKeychainName);
    m_keychain.read(
        name,
        [this, path, done, migrations, name](const keychain::KeychainError &error,
                                             crypto::SecureBytes key) {
            using Kind = keychain::KeychainError::Kind;
            if (error.ok()) {
                auto store = Store::open(path, key, migrations);
                if (!store)
                    return done(store.error());
                return done(std::shared_ptr<Store>(std::move(store).value()));
            }
            if (error.kind != Kind::NotFound) // the keychain has logged why
                return done(StoreError::make(
                    StoreError::Kind::Keychain,
                    QStringLiteral("Cannot read the store key from the keychain: %1")
                        .arg(error.message)));
            if (Store::exists(path)) {
                qCWarning(aerodesk::log::store).noquote()
                    << "the store" << path << "exists but its key is not in the keychain";
                return done(StoreError::make(
                    StoreError::Kind::MissingKey,
                    QStringLiteral(
                        "The store %1 exists but the keychain has no \"%2\" entry for profile "
                        "\"%3\". Nothing was changed: restore the key, or move the file away to "
                        "start a new store.")
                        .arg(path, name, m_keychain.profile())));
            }
            qCInfo(aerodesk::log::store).noquote()
                << "no store key yet: creating a new store at" << path;
            auto fresh = std::make_shared<crypto::SecureBytes>(
                crypto::Random::secretBytes(Store::kDataKeyBytes));
            m_keychain.write(
                name, *fresh,
                [path, done, migrations, fresh](const keychain::KeychainError &writeError) {
                    if (!writeError.ok())
                        return done(StoreError::make(
                            StoreError::Kind::Keychain,
                            QStringLiteral("Cannot save a new store key in the keychain: %1")
                                .arg(writeError.message)));
                    auto store = Store::open(path, *fresh, migrations);
                    if (!store)
                        return done(store.error());
                    done(std::shared_ptr<Store>(std::move(store).value()));
                });
        });
}

} // namespace aerodesk::store
