#pragma once

#include <QString>
#include <QtGlobal>

namespace aerodesk::embedded {

/// Every way an embedded-banking event payload can fail to open. Each has its own message, so
/// the payload inspector can say exactly what is wrong with what was pasted.
enum class PayloadErrc {
    Empty, ///< nothing to decrypt
    BadHex, ///< not strict hex (odd length, bad character or whitespace at `position`)
    WrongLength, ///< hex, but not one RSA block of this key's size
    WrongKey, ///< encrypted to another public key
    WrongPadding, ///< PKCS#1 v1.5 padding, not OAEP
    WrongOaepHash, ///< OAEP with SHA-256; embedded banking uses SHA-1
    DecryptFailed, ///< OAEP-shaped, but it does not open (corrupted, other label, other key)
    NotUtf8, ///< decrypted bytes are not UTF-8 text
    NotJson, ///< UTF-8, but not JSON (`position` = byte offset)
    NotObject, ///< JSON, but not an object
    UnknownShape, ///< an object that is neither {userCode, retUrl} nor {attemptId, retUrl}
    BadField, ///< a known shape with a field of the wrong type or empty
    BadRetUrl, ///< retUrl is not an absolute https URL (http only on loopback)
    NoKey, ///< no key was given
    EncryptFailed, ///< the reply could not be encrypted (key too small for the payload...)
};

struct PayloadError
{
    PayloadErrc code = PayloadErrc::DecryptFailed;
    QString message; ///< one sentence, safe to show and log (never payload content)
    qsizetype position = -1; ///< BadHex: character index; NotJson: byte offset

    static PayloadError make(PayloadErrc code, QString message, qsizetype position = -1)
    {
        return PayloadError { code, std::move(message), position };
    }
};

/// Stable short name ("bad-hex", "wrong-key"...) for JSON output and tests.
QString payloadErrcName(PayloadErrc code);

} // namespace aerodesk::embedded
