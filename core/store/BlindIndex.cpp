#include "core/store/BlindIndex.h"

#include "core/crypto/Hmac.h"

namespace aerodesk::store {

BlindIndex::BlindIndex(crypto::SecureBytes indexKey)
    : m_subkey(std::move(indexKey))
{
}

QByteArray BlindIndex::index(QStringView domain, const QString &value) const
{
    return mac(m_subkey, domain, value);
}

QList<QByteArray> BlindIndex::indexes(QStringView domain, const QString &value) const
{
    QList<QByteArray> out { mac(m_subkey, domain, value) };
    for (const crypto::SecureBytes &other : m_others)
        out << mac(other, domain, value);
    return out;
}

void BlindIndex::addReadable(crypto::SecureBytes otherIndexKey)
{
    m_others.push_back(std::move(otherIndexKey));
}

QByteArray BlindIndex::mac(const crypto::SecureBytes &key, QStringView domain, const QString &value)
{
    QByteArray message = domain.toUtf8();
    message.append('\0');
    message.append(normalise(value).toUtf8());
    QByteArray mac = crypto::Hmac::sha256(key.view(), message);
    crypto::secureWipe(message);
    return mac;
}

} // namespace aerodesk::store
