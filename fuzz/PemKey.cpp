// Fuzzes PEM key parsing: crypto::RsaPrivateKey::fromPem (PKCS#1, PKCS#8, encrypted PKCS#8 with
// an optional passphrase) and crypto::RsaPublicKey::fromPem.
// Input: the PEM text, then optionally "\n--\n" and a passphrase.

#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/RsaPublicKey.h"
#include "core/crypto/SecureBytes.h"
#include "fuzz/FuzzSupport.h"

using namespace aerodesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QByteArray pem = fuzz::field(input, 0);
    const QByteArray passphrase = fuzz::field(input, 1);

    const auto key = crypto::RsaPrivateKey::fromPem(pem, crypto::SecureBytes(passphrase));
    if (key) {
        AERODESK_FUZZ_CHECK(!key->isNull());
        AERODESK_FUZZ_CHECK(key->bits() >= 2048);
        const crypto::RsaPublicKey pub = key->publicKey();
        AERODESK_FUZZ_CHECK(pub.sizeBytes() * 8 >= key->bits());
        (void)pub.fingerprintSha256();
    } else {
        AERODESK_FUZZ_CHECK(!key.error().message.isEmpty());
    }

    const auto pub = crypto::RsaPublicKey::fromPem(pem);
    if (pub)
        (void)pub->fingerprintSha256();
    return 0;
}
