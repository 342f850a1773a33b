#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QByteArray>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace aerodesk::team {

/// An agent's X25519 enrolment key pair (EVP_PKEY_X25519). The private half (32 raw bytes)
/// lives only in the agent's keychain; the public half goes to the lead as an
/// EnrolmentPublicKey. Also used for the lead's one-time ephemeral pair when wrapping.
class EnrolmentKeyPair
{
public:
    static constexpr int kKeyBytes = 32;

    static Result<EnrolmentKeyPair, TeamError> generate();
    /// From the raw private key as the keychain holds it.
    static Result<EnrolmentKeyPair, TeamError> fromPrivate(const crypto::SecureBytes &raw);

    QByteArray publicKey() const; ///< 32 raw bytes
    crypto::SecureBytes privateKey() const; ///< 32 raw bytes, for the keychain only
    /// X25519(this private, peer public): 32 bytes. CouldNotUnwrap for a peer key that is not
    /// 32 bytes or gives an all-zero secret (a low-order point, refused by OpenSSL).
    Result<crypto::SecureBytes, TeamError> agree(const QByteArray &peerPublic) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace aerodesk::team
