#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

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
    /// index() first, then the same value under each other live epoch's index key (a lookup
    /// mid-rotation must find a row whichever epoch it is in; docs/team.md "Key rotation").
    QList<QByteArray> indexes(QStringView domain, const QString &value) const;
    /// Adds another live epoch's index key for indexes().
    void addReadable(crypto::SecureBytes otherIndexKey);
    bool hasOthers() const { return !m_others.empty(); }
    static QString normalise(const QString &value) { return value.trimmed().toLower(); }

private:
    static QByteArray mac(const crypto::SecureBytes &key, QStringView domain, const QString &value);

    crypto::SecureBytes m_subkey;
    std::vector<crypto::SecureBytes> m_others;
};

} // namespace aerodesk::store
