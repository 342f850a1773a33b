#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/team/ScryptParams.h"
#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QByteArrayView>

namespace aerodesk::team {

/// scrypt (RFC 7914) through OpenSSL 3's EVP_KDF "SCRYPT", with the parameters' maxmem.
class Scrypt
{
public:
    /// `length` bytes from `passphrase` and `salt`. BadHeader when the parameters are out of
    /// bounds (checked before anything is allocated), Internal when OpenSSL fails.
    static Result<crypto::SecureBytes, TeamError> derive(const crypto::SecureBytes &passphrase,
                                                         QByteArrayView salt,
                                                         const ScryptParams &params,
                                                         std::size_t length);
};

} // namespace aerodesk::team
