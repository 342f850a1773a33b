#include "emulator/EmbeddedPayloadCodec.h"

#include "core/crypto/Hex.h"
#include "core/crypto/RsaOaep.h"
#include "core/crypto/SecureBytes.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace aerodesk::emulator {

namespace {
using Code = QHttpServerResponse::StatusCode;
}

Result<QByteArray, EmbeddedError> EmbeddedPayloadCodec::seal(const crypto::RsaPublicKey &key,
                                                             const QJsonObject &object)
{
    QByteArray plain = QJsonDocument(object).toJson(QJsonDocument::Compact);
    auto sealed = crypto::RsaOaep::encrypt(key, plain, crypto::OaepHash::Sha1);
    crypto::secureWipe(plain);
    if (!sealed)
        return EmbeddedError { Code::InternalServerError, QStringLiteral("EB-500-ENCRYPT"),
                               QStringLiteral("The sandbox could not encrypt the event: %1")
                                   .arg(sealed.error().message) };
    return crypto::Hex::encode(sealed.value());
}

Result<QJsonObject, EmbeddedError> EmbeddedPayloadCodec::open(const crypto::RsaPrivateKey &key,
                                                              QByteArrayView hex,
                                                              const QString &what)
{
    auto bytes = crypto::Hex::decode(hex);
    if (!bytes)
        return EmbeddedError {
            Code::BadRequest, QStringLiteral("EB-400-HEX"),
            QStringLiteral("%1 is not valid hex: %2").arg(what, bytes.error().message)
        };
    auto plain = crypto::RsaOaep::decrypt(key, bytes.value(), crypto::OaepHash::Sha1);
    if (!plain)
        return EmbeddedError {
            Code::BadRequest, QStringLiteral("EB-400-DECRYPT"),
            QStringLiteral("%1 could not be decrypted with the provider's private key: %2 "
                           "Encrypt it to the provider public key from /sandbox/eb/keys with "
                           "RSA-OAEP (SHA-1, MGF1-SHA-1, no label).")
                .arg(what, plain.error().message)
        };
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(plain->view());
    const bool badUtf8 = utf8.hasError();
    crypto::secureWipe(text);
    if (badUtf8)
        return EmbeddedError {
            Code::BadRequest, QStringLiteral("EB-400-JSON"),
            QStringLiteral("%1 decrypted, but the result is not UTF-8 text.").arg(what)
        };
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(plain->rawView(), &err);
    if (err.error != QJsonParseError::NoError)
        return EmbeddedError { Code::BadRequest, QStringLiteral("EB-400-JSON"),
                               QStringLiteral(
                                   "%1 decrypted, but the result is not JSON: %2 at byte %3.")
                                   .arg(what, err.errorString())
                                   .arg(err.offset) };
    if (!doc.isObject())
        return EmbeddedError {
            Code::BadRequest, QStringLiteral("EB-400-JSON"),
            QStringLiteral("%1 decrypted to JSON, but not to an object.").arg(what)
        };
    return doc.object();
}

} // namespace aerodesk::emulator
