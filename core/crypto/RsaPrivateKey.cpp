#include "core/crypto/RsaPrivateKey.h"

#include "core/crypto/OpenSslSupport.h"

#include <cstring>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace aerodesk::crypto {

using namespace detail;

namespace {

struct PassphraseContext
{
    const SecureBytes *passphrase = nullptr;
    bool asked = false;
};

int passphraseCallback(char *buf, int size, int /*rwflag*/, void *userdata)
{
    auto *ctx = static_cast<PassphraseContext *>(userdata);
    ctx->asked = true;
    if (!ctx->passphrase || ctx->passphrase->isEmpty())
        return -1; // no passphrase: abort the decode
    const int n = int(ctx->passphrase->size());
    if (n > size)
        return -1;
    std::memcpy(buf, ctx->passphrase->data(), std::size_t(n));
    return n;
}

} // namespace

Result<RsaPrivateKey, CryptoError> RsaPrivateKey::fromPem(QByteArrayView pem,
                                                          const SecureBytes &passphrase)
{
    if (pem.trimmed().isEmpty())
        return CryptoError::make(CryptoErrc::PemEmpty, QStringLiteral("No private key was given."));
    const bool encrypted =
        pem.contains("BEGIN ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED");
    if (encrypted && passphrase.isEmpty())
        return CryptoError::make(CryptoErrc::PemPassphraseRequired,
                                 QStringLiteral("This private key is protected by a passphrase; "
                                                "enter the passphrase to open it."));
    BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio)
        return CryptoError::make(CryptoErrc::Internal, takeOpenSslError());
    PassphraseContext ctx { &passphrase, false };
    EVP_PKEY *key =
        PEM_read_bio_PrivateKey_ex(bio.get(), nullptr, passphraseCallback, &ctx, nullptr, nullptr);
    if (!key) {
        clearOpenSslErrors();
        if (encrypted)
            return CryptoError::make(
                CryptoErrc::PemWrongPassphrase,
                QStringLiteral("The passphrase does not open this private key."));
        return CryptoError::make(CryptoErrc::PemUnrecognised,
                                 QStringLiteral("This is not a PEM private key (expected \"BEGIN "
                                                "PRIVATE KEY\", \"BEGIN RSA PRIVATE KEY\" or "
                                                "\"BEGIN ENCRYPTED PRIVATE KEY\")."));
    }
    auto owned = adoptKey(key);
    if (auto problem = rsaKeyProblem(key, QStringLiteral("private")))
        return *problem;
    return RsaPrivateKey(std::move(owned));
}

Result<RsaPrivateKey, CryptoError> RsaPrivateKey::generate(int bits)
{
    if (bits < 2048)
        return CryptoError::make(
            CryptoErrc::KeyTooSmall,
            QStringLiteral("RSA keys need at least 2048 bits (asked for %1).").arg(bits));
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits));
    if (!key)
        return CryptoError::make(
            CryptoErrc::Internal,
            QStringLiteral("RSA key generation failed: %1").arg(takeOpenSslError()));
    return RsaPrivateKey(adoptKey(key));
}

int RsaPrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    if (!m_key)
        return {};
    // Re-encode the public half alone so the public key object holds no private material.
    const QByteArray der = publicKeyDer(m_key.get());
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    EVP_PKEY *pub = der.isEmpty() ? nullptr : d2i_PUBKEY(nullptr, &p, long(der.size()));
    if (!pub) {
        clearOpenSslErrors();
        return {};
    }
    return RsaPublicKey(adoptKey(pub));
}

SecureBytes RsaPrivateKey::toPkcs8Pem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio)
        bio.reset(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr,
                                      nullptr) != 1) {
        clearOpenSslErrors();
        return {};
    }
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    SecureBytes out(data, std::size_t(len));
    OPENSSL_cleanse(data, std::size_t(len));
    return out;
}

Result<QByteArray, CryptoError>
RsaPrivateKey::toEncryptedPkcs8Pem(const SecureBytes &passphrase) const
{
    if (!m_key)
        return CryptoError::make(CryptoErrc::Internal, QStringLiteral("No key to export."));
    if (passphrase.isEmpty())
        return CryptoError::make(CryptoErrc::PemPassphraseRequired,
                                 QStringLiteral("A passphrase is needed to encrypt the key."));
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), EVP_aes_256_cbc(),
                                      passphrase.constChar(), int(passphrase.size()), nullptr,
                                      nullptr) != 1)
        return CryptoError::make(CryptoErrc::Internal, takeOpenSslError());
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(len));
}

} // namespace aerodesk::crypto
