#include "core/store/BlindIndex.h"

#include "core/crypto/Hmac.h"

namespace aerodesk::store {

BlindIndex::BlindIndex(crypto::SecureBytes indexKey)
    : m_subkey(std::move(indexKey))
{
}

QByteArray BlindIndex::index(QStringView domain, const QString &value) const
{
    QByteArray message = domain.toUtf8();
    message.append('\0');
    message.append(normalise(value).toUtf8());
    QByteArray mac = crypto::Hmac::sha256(m_subkey.view(), message);
    crypto::secureWipe(message);
    return mac;
}

} // namespace aerodesk::store
