#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <mutex>

struct evp_cipher_ctx_st;

namespace aerodesk::crypto {

/// An AES-256-GCM key set up once, in crypto::Aead's sealed format (version | nonce |
/// ciphertext | tag). Each direction keeps one OpenSSL cipher context that holds the expanded
/// key and the GHASH key; every seal/open only sets the new nonce (EVP_*Init_ex2 with no cipher
/// and no key), instead of fetching the algorithm and expanding the key again — the store opens
/// two or three fields per row, so at 100,000 rows that set-up was a quarter of a load.
/// Contexts are made on first use; a mutex makes one key safe from several threads. Not
/// copyable; the key copy is wiped, and OpenSSL wipes its key schedule, when it is destroyed.
class AeadKey
{
public:
    explicit AeadKey(const SecureBytes &key);
    ~AeadKey();
    AeadKey(const AeadKey &) = delete;
    AeadKey &operator=(const AeadKey &) = delete;

    Result<QByteArray, CryptoError> seal(QByteArrayView plaintext,
                                         QByteArrayView associatedData = {}) const;
    Result<SecureBytes, CryptoError> open(QByteArrayView sealed,
                                          QByteArrayView associatedData = {}) const;

private:
    evp_cipher_ctx_st *context(bool encrypt) const; ///< keyed on first use; under m_mutex

    SecureBytes m_key;
    mutable evp_cipher_ctx_st *m_seal = nullptr;
    mutable evp_cipher_ctx_st *m_open = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace aerodesk::crypto
