#include "core/crypto/CryptoError.h"

namespace aerodesk::crypto {

QString cryptoErrcName(CryptoErrc code)
{
    switch (code) {
    case CryptoErrc::HexEmpty:
        return QStringLiteral("hex-empty");
    case CryptoErrc::HexOddLength:
        return QStringLiteral("hex-odd-length");
    case CryptoErrc::HexWhitespace:
        return QStringLiteral("hex-whitespace");
    case CryptoErrc::HexBadCharacter:
        return QStringLiteral("hex-bad-character");
    case CryptoErrc::HexTooLarge:
        return QStringLiteral("hex-too-large");
    case CryptoErrc::PemEmpty:
        return QStringLiteral("pem-empty");
    case CryptoErrc::PemUnrecognised:
        return QStringLiteral("pem-unrecognised");
    case CryptoErrc::PemPassphraseRequired:
        return QStringLiteral("pem-passphrase-required");
    case CryptoErrc::PemWrongPassphrase:
        return QStringLiteral("pem-wrong-passphrase");
    case CryptoErrc::KeyNotRsa:
        return QStringLiteral("key-not-rsa");
    case CryptoErrc::KeyTooSmall:
        return QStringLiteral("key-too-small");
    case CryptoErrc::PlaintextTooLong:
        return QStringLiteral("plaintext-too-long");
    case CryptoErrc::CiphertextWrongLength:
        return QStringLiteral("ciphertext-wrong-length");
    case CryptoErrc::DecryptFailed:
        return QStringLiteral("decrypt-failed");
    case CryptoErrc::AeadBadKey:
        return QStringLiteral("aead-bad-key");
    case CryptoErrc::AeadMalformed:
        return QStringLiteral("aead-malformed");
    case CryptoErrc::AeadAuthFailed:
        return QStringLiteral("aead-auth-failed");
    case CryptoErrc::RandomFailed:
        return QStringLiteral("random-failed");
    case CryptoErrc::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace aerodesk::crypto
