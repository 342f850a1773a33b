#pragma once

#include "core/store/Store.h"

#include <QObject>

#include <functional>
#include <memory>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::store {

/// Opens the store with its data key from the keychain (name "storeKey"), asynchronously.
///  - key present            → Store::open (WrongKey if it does not fit; nothing is written)
///  - key missing, no file   → a fresh 32-byte key (Random::secretBytes) is written to the
///                             keychain FIRST, then the new store is created with it
///  - key missing, file      → MissingKey; the file is not touched and no key is generated
///  - keychain failure       → Keychain error with the keychain's message
/// The key is never written anywhere but the keychain.
class StoreOpener : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<std::shared_ptr<Store>, StoreError>)>;

    explicit StoreOpener(keychain::Keychain &keychain, QObject *parent = nullptr);
    /// `done` runs later on this object's thread. `migrations` empty = StoreSchema.
    void open(const QString &path, Done done, QList<Migration> migrations = {});

private:
    keychain::Keychain &m_keychain;
};

} // namespace aerodesk::store
