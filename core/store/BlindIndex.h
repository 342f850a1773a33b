#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace aerodesk::store {

/// A keyed blind index for exact lookups without plaintext on disk:
///   index(domain, value) = HMAC-SHA256(indexKey, domain || 0x00 || normalise(value))
/// indexKey comes from StoreKeys (HKDF of the data key since schema v3; before that
/// HMAC-SHA256(dataKey, "aerodesk blind index v1")).
/// normalise = trimmed and lowercased (ids are hex/UUIDs, compared case-insensitively).
/// `domain` separates columns ("connectionId", "aeroPassUserUuid") so equal values in two
/// columns do not get equal indexes.
class BlindIndex
{
public:
    BlindIndex() = default;
    explicit BlindIndex(crypto::SecureBytes indexKey);

    QByteArray index(QStringView domain, const QString &value) const;
    static QString normalise(const QString &value) { return value.trimmed().toLower(); }

private:
    crypto::SecureBytes m_subkey;
};

} // namespace aerodesk::store
