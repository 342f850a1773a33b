#pragma once

#include <QString>
#include <QtGlobal>

namespace aerodesk::crypto {

/// Every way a crypto operation can fail. Each code has its own human message; decryption
/// failures deliberately share one code and one message so no padding-oracle detail leaks.
enum class CryptoErrc {
    HexEmpty, ///< empty input
    HexOddLength, ///< odd number of hex digits
    HexWhitespace, ///< a space, tab or newline inside the text (position given)
    HexBadCharacter, ///< any other non-hex character (position given)
    HexTooLarge, ///< input over the size cap
    PemEmpty, ///< no PEM text at all
    PemUnrecognised, ///< not a PEM block we know (PKCS#1, PKCS#8, encrypted PKCS#8, SPKI)
    PemPassphraseRequired, ///< an encrypted key and no passphrase given
    PemWrongPassphrase, ///< an encrypted key that the given passphrase does not open
    KeyNotRsa, ///< a valid key of another algorithm (EC, Ed25519...)
    KeyTooSmall, ///< RSA keys under 2048 bits are refused
    PlaintextTooLong, ///< more bytes than OAEP can carry for this key and digest
    CiphertextWrongLength, ///< ciphertext length is not the key's modulus length
    DecryptFailed, ///< wrong key, wrong OAEP digest, or a corrupted ciphertext
    AeadBadKey, ///< AES-256-GCM key is not 32 bytes
    AeadMalformed, ///< sealed blob too short or of an unknown version
    AeadAuthFailed, ///< tag mismatch: wrong key or tampered data
    RandomFailed, ///< the OS random source failed
    Internal, ///< an OpenSSL call failed unexpectedly (message carries its reason)
};

struct CryptoError
{
    CryptoErrc code = CryptoErrc::Internal;
    QString message; ///< one human sentence, safe to show and to log (never secret bytes)
    qsizetype position = -1; ///< for hex errors: index of the first offending character

    static CryptoError make(CryptoErrc code, QString message, qsizetype position = -1)
    {
        return CryptoError { code, std::move(message), position };
    }
};

/// Stable short name of a code, for JSON output and tests ("hex-odd-length", ...).
QString cryptoErrcName(CryptoErrc code);

} // namespace aerodesk::crypto
