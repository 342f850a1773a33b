#pragma once

#include "core/connections/Connection.h"

#include <QString>

#include <optional>

namespace aerodesk::store {

/// Why a store operation failed. `message` is one clear sentence, never containing a secret
/// or a plaintext identifier.
struct StoreError
{
    enum class Kind {
        None,
        OpenFailed, ///< SQLite could not open or create the file
        NotAStore, ///< the file exists but is not an AeroDesk store (or is corrupt)
        WrongKey, ///< the data key does not open this store's key check value
        MissingKey, ///< the keychain has no data key for a store that already exists
        Keychain, ///< the keychain failed (locked, no backend, denied...)
        Migration, ///< a schema migration failed (rolled back)
        TooNew, ///< the file was written by a newer AeroDesk (unknown schema version)
        Sql, ///< a query failed
        Crypto, ///< a sealed field did not open (tampered or moved)
        NotFound, ///< no row for that id
        InvalidInput, ///< bad argument (e.g. an empty connectionId)
        Conflict, ///< another console changed the row since it was read: see `current`
        ReadOnly, ///< this console's keys may read the store but not write it (key rotation)
        Unreachable, ///< the team store's server cannot be reached (SQLSTATE 08, 57P0x, lost link)
    };
    Kind kind = Kind::None;
    QString message;
    /// Conflict: the row as it is now in the store (decrypted), never overwritten.
    std::optional<connections::Connection> current;

    bool ok() const { return kind == Kind::None; }
    static StoreError make(Kind kind, QString message)
    {
        return StoreError { kind, std::move(message), std::nullopt };
    }
};

} // namespace aerodesk::store
