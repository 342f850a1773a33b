#pragma once

#include "core/crypto/AeadKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace aerodesk::store {

/// Field-by-field AES-256-GCM (crypto::Aead).
///
/// RowBound (schema v3 on): the key is the HKDF-derived field key (StoreKeys) and the
/// associated data is `place || 0x00 || rowKey` — the place ("connections.connection_id") AND
/// the row's identity (a connection's blind index, an event's row id). A value copied into
/// another column or another row does not open.
///
/// PlaceOnly (schema v1/v2, legacy): the key is the raw data key and the associated data only
/// the place; `rowKey` is ignored. Used to read a store before migration 3 re-seals it.
class FieldCipher
{
public:
    enum class Binding { PlaceOnly, RowBound };

    FieldCipher(); ///< no key: every seal and open fails with a clear error
    FieldCipher(crypto::SecureBytes key, Binding binding);

    Result<QByteArray, StoreError> seal(const QString &place, QByteArrayView rowKey,
                                        QByteArrayView plaintext) const;
    Result<crypto::SecureBytes, StoreError> open(const QString &place, QByteArrayView rowKey,
                                                 QByteArrayView sealed) const;
    /// Convenience for non-secret-but-identifying text (ids): returns the UTF-8 text.
    Result<QString, StoreError> openText(const QString &place, QByteArrayView rowKey,
                                         QByteArrayView sealed) const;

    Binding binding() const { return m_binding; }

private:
    QByteArray associatedData(const QString &place, QByteArrayView rowKey) const;

    /// The key, set up once (crypto::AeadKey).
    std::unique_ptr<crypto::AeadKey> m_aead;
    Binding m_binding = Binding::RowBound;
};

} // namespace aerodesk::store
