#include "core/team/EnrolmentKeyPair.h"

#include "core/crypto/OpenSslSupport.h"

#include <QCoreApplication>

#include <openssl/evp.h>

namespace aerodesk::team {

namespace {
TeamError x25519Failure(const char *what)
{
    return TeamError::make(
        TeamError::Kind::Internal,
        QCoreApplication::translate("aerodesk::team::EnrolmentKeyPair", "X25519 %1 failed: %2")
            .arg(QLatin1String(what), crypto::detail::takeOpenSslError()));
}
} // namespace

Result<EnrolmentKeyPair, TeamError> EnrolmentKeyPair::generate()
{
    crypto::detail::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &key) != 1)
        return x25519Failure("key generation");
    EnrolmentKeyPair pair;
    pair.m_key = crypto::detail::adoptKey(key);
    return pair;
}

Result<EnrolmentKeyPair, TeamError> EnrolmentKeyPair::fromPrivate(const crypto::SecureBytes &raw)
{
    if (raw.size() != std::size_t(kKeyBytes))
        return TeamError::make(
            TeamError::Kind::Corrupt,
            QCoreApplication::translate("aerodesk::team::EnrolmentKeyPair",
                                        "The enrolment key in the keychain is damaged."));
    EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, raw.data(), raw.size());
    if (!key)
        return x25519Failure("private key import");
    EnrolmentKeyPair pair;
    pair.m_key = crypto::detail::adoptKey(key);
    return pair;
}

QByteArray EnrolmentKeyPair::publicKey() const
{
    QByteArray out(kKeyBytes, '\0');
    std::size_t len = std::size_t(out.size());
    if (!m_key ||
        EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(out.data()),
                                    &len) != 1 ||
        len != std::size_t(kKeyBytes)) {
        crypto::detail::clearOpenSslErrors();
        return {};
    }
    return out;
}

crypto::SecureBytes EnrolmentKeyPair::privateKey() const
{
    crypto::SecureBytes out(kKeyBytes);
    std::size_t len = out.size();
    if (!m_key || EVP_PKEY_get_raw_private_key(m_key.get(), out.data(), &len) != 1 ||
        len != std::size_t(kKeyBytes)) {
        crypto::detail::clearOpenSslErrors();
        return {};
    }
    return out;
}

Result<crypto::SecureBytes, TeamError> EnrolmentKeyPair::agree(const QByteArray &peerPublic) const
{
    const auto refuse = [] {
        crypto::detail::clearOpenSslErrors();
        return TeamError::make(TeamError::Kind::CouldNotUnwrap,
                               QCoreApplication::translate("aerodesk::team::EnrolmentKeyPair",
                                                           "The team key could not be unwrapped."));
    };
    if (!m_key || peerPublic.size() != kKeyBytes)
        return refuse();
    EVP_PKEY *peerRaw = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(peerPublic.constData()),
        std::size_t(peerPublic.size()));
    if (!peerRaw)
        return refuse();
    const auto peer = crypto::detail::adoptKey(peerRaw);
    crypto::detail::PkeyCtxPtr ctx(EVP_PKEY_CTX_new(m_key.get(), nullptr));
    std::size_t len = kKeyBytes;
    crypto::SecureBytes secret(kKeyBytes);
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), secret.data(), &len) != 1 || len != std::size_t(kKeyBytes))
        return refuse();
    return secret;
}

} // namespace aerodesk::team
