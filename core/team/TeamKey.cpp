#include "core/team/TeamKey.h"

#include "core/crypto/Hkdf.h"
#include "core/crypto/Random.h"

namespace aerodesk::team {

namespace {
constexpr std::size_t kIdBytes = 16;
}

TeamKey TeamKey::create()
{
    TeamKey key;
    key.m_key = crypto::Random::secretBytes(kKeyBytes);
    return key;
}

TeamKey TeamKey::fromBytes(crypto::SecureBytes bytes)
{
    TeamKey key;
    if (bytes.size() == std::size_t(kKeyBytes))
        key.m_key = std::move(bytes);
    return key;
}

QString TeamKey::keyId() const
{
    if (!isValid())
        return {};
    const crypto::SecureBytes id = crypto::Hkdf::sha256(m_key, kIdSalt, kIdLabel, kIdBytes);
    if (id.size() != kIdBytes)
        return {};
    return QLatin1String(kIdPrefix) + QString::fromLatin1(id.rawView().toHex());
}

bool TeamKey::isKeyId(const QString &id)
{
    const QLatin1String prefix(kIdPrefix);
    if (!id.startsWith(prefix) || id.size() != prefix.size() + qsizetype(kIdBytes) * 2)
        return false;
    for (qsizetype i = prefix.size(); i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace aerodesk::team
