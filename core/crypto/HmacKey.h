#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <mutex>

struct evp_mac_ctx_st;

namespace aerodesk::crypto {

/// An HMAC-SHA256 key set up once: the OpenSSL EVP_MAC context holds the key's inner and outer
/// pad states, so each MAC only hashes the message (Hmac::sha256 fetches the algorithm, sets the
/// digest and keys a fresh context on every call — at 1 KiB that set-up was over half the time).
/// Each call re-initialises the keyed context with no key (EVP_MAC_init(ctx, NULL, ...): the
/// same reuse `openssl speed -hmac` measures); a mutex makes it safe from several threads.
/// Not copyable; OpenSSL wipes the key material when the object is destroyed.
class HmacKey
{
public:
    explicit HmacKey(QByteArrayView key);
    ~HmacKey();
    HmacKey(const HmacKey &) = delete;
    HmacKey &operator=(const HmacKey &) = delete;

    /// False when OpenSSL could not set the key up (then mac() is empty and verify() false).
    bool isValid() const { return m_ctx != nullptr; }
    /// 32 raw bytes (empty on failure).
    QByteArray mac(QByteArrayView message) const;
    /// Constant-time comparison of `expectedMac` against the MAC of `message` (as
    /// Hmac::verifySha256; a MAC of the wrong length is false).
    bool verify(QByteArrayView message, QByteArrayView expectedMac) const;

private:
    bool compute(QByteArrayView message, unsigned char (&out)[32]) const;

    evp_mac_ctx_st *m_ctx = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace aerodesk::crypto
