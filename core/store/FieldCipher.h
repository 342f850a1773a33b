#pragma once

#include "core/crypto/AeadKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

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
///
/// Key epochs (schema v8, team key rotation, docs/team.md): a RowBound cipher of epoch 2 or
/// later appends `"|e<epoch>"` to the associated data, so a value cannot be relabelled into
/// another epoch; epoch 1 keeps today's bytes. During a rotation the store's cipher also holds
/// the other live epoch's cipher (addReadable): open() tries its own key, then those.
class FieldCipher
{
public:
    enum class Binding { PlaceOnly, RowBound };

    FieldCipher(); ///< no key: every seal and open fails with a clear error
    FieldCipher(crypto::SecureBytes key, Binding binding, int epoch = 1);

    Result<QByteArray, StoreError> seal(const QString &place, QByteArrayView rowKey,
                                        QByteArrayView plaintext) const;
    Result<crypto::SecureBytes, StoreError> open(const QString &place, QByteArrayView rowKey,
                                                 QByteArrayView sealed) const;
    /// Convenience for non-secret-but-identifying text (ids): returns the UTF-8 text.
    Result<QString, StoreError> openText(const QString &place, QByteArrayView rowKey,
                                         QByteArrayView sealed) const;

    /// open() without logging a failure (a key check tried against each epoch: only one fits).
    std::optional<crypto::SecureBytes> tryOpen(const QString &place, QByteArrayView rowKey,
                                               QByteArrayView sealed) const;

    Binding binding() const { return m_binding; }
    /// The key epoch this cipher seals under (1 outside team key rotation).
    int epoch() const { return m_epoch; }
    /// Another epoch's cipher that open() also tries (a rotation's other live epoch).
    void addReadable(FieldCipher other);
    /// Every seal() fails with `why` from now on (a console holding only a retired epoch's key:
    /// it may read, never write). open() is unchanged.
    void refuseWrites(const QString &why) { m_refusal = why; }
    bool writable() const { return m_refusal.isEmpty(); }

private:
    QByteArray associatedData(const QString &place, QByteArrayView rowKey) const;

    /// The key, set up once (crypto::AeadKey).
    std::unique_ptr<crypto::AeadKey> m_aead;
    Binding m_binding = Binding::RowBound;
    int m_epoch = 1;
    QString m_refusal;
    std::vector<std::shared_ptr<const FieldCipher>> m_readable;
};

} // namespace aerodesk::store
