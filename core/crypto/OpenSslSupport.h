#pragma once

#include "core/crypto/CryptoError.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <optional>

namespace aerodesk::crypto::detail {

/// Reads and clears OpenSSL's thread error queue: the reason of the last failure, or `fallback`.
/// Always called after a failed OpenSSL call so no stale error leaks into a later operation.
QString takeOpenSslError(const QString &fallback = QStringLiteral("unknown OpenSSL error"));
/// Clears the error queue without reading it.
void clearOpenSslErrors();

struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

/// Why `key` cannot be used as an RSA key here (another algorithm, or under 2048 bits);
/// `what` is "private" or "public" for the message. nullopt when it is fine.
std::optional<CryptoError> rsaKeyProblem(EVP_PKEY *key, const QString &what);

/// The DER SubjectPublicKeyInfo of `key` (only its public half); empty on failure.
QByteArray publicKeyDer(EVP_PKEY *key);

/// Takes ownership of an EVP_PKEY into a shared pointer that frees it.
std::shared_ptr<EVP_PKEY> adoptKey(EVP_PKEY *key);

} // namespace aerodesk::crypto::detail
