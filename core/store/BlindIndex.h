#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace aerodesk::store {

/// A keyed blind index for exact lookups without plaintext on disk:
///   subkey = HMAC-SHA256(dataKey, "aerodesk blind index v1")
///   index(domain, value) = HMAC-SHA256(subkey, domain || 0x00 || normalise(value))
/// normalise = trimmed and lowercased (ids are hex/UUIDs, compared case-insensitively).
/// `domain` separates columns ("connectionId", "aeroPassUserUuid") so equal values in two
/// columns do not get equal indexes.
class BlindIndex
{
public:
    explicit BlindIndex(const crypto::SecureBytes &dataKey);

    QByteArray index(QStringView domain, const QString &value) const;
    static QString normalise(const QString &value) { return value.trimmed().toLower(); }

private:
    crypto::SecureBytes m_subkey;
};

} // namespace aerodesk::store
