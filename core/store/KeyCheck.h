#pragma once

#include "core/store/FieldCipher.h"

#include <QSqlDatabase>

namespace aerodesk::store {

/// store_meta's "key_check": a sealed constant that proves a data key opens the store before
/// anything is written. Sealed with the cipher of the file's schema version (StoreKeys).
class KeyCheck
{
public:
    /// Inserts or replaces the key check value (inside the caller's transaction).
    /// `metaKey`: "key_check" (epoch 1), "key_check.e<N>" for a later key epoch (KeyEpochs).
    static bool write(QSqlDatabase &db, const FieldCipher &cipher, QString &error,
                      const QString &metaKey = QStringLiteral("key_check"));
    /// True when `sealed` opens under `cipher` to the key check constant.
    static bool verify(const FieldCipher &cipher, QByteArrayView sealed);
};

} // namespace aerodesk::store
