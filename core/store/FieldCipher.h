#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace aerodesk::store {

/// Field-by-field AES-256-GCM (crypto::Aead) under the store's 32-byte data key. The
/// associated data names the place ("connections.connection_id"), so a value copied into
/// another column does not open.
class FieldCipher
{
public:
    explicit FieldCipher(crypto::SecureBytes dataKey);

    Result<QByteArray, StoreError> seal(const QString &place, QByteArrayView plaintext) const;
    Result<crypto::SecureBytes, StoreError> open(const QString &place, QByteArrayView sealed) const;
    /// Convenience for non-secret-but-identifying text (ids): returns the UTF-8 text.
    Result<QString, StoreError> openText(const QString &place, QByteArrayView sealed) const;

    const crypto::SecureBytes &key() const { return m_key; }

private:
    crypto::SecureBytes m_key;
};

} // namespace aerodesk::store
