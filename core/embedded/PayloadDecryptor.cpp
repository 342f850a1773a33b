#include "core/embedded/PayloadDecryptor.h"

#include "core/crypto/Hex.h"
#include "core/crypto/RsaOaep.h"
#include "core/crypto/RsaPaddingProbe.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace aerodesk::embedded {

namespace {

PayloadError diagnose(const crypto::RsaPrivateKey &key, const QByteArray &cipher)
{
    const QString fingerprint = QString::fromLatin1(key.publicKey().fingerprintSha256().left(16));
    if (crypto::RsaOaep::decrypt(key, cipher, crypto::OaepHash::Sha256))
        return PayloadError::make(
            PayloadErrc::WrongOaepHash,
            QStringLiteral(
                "The payload was encrypted with RSA-OAEP using SHA-256; embedded-banking "
                "payloads use OAEP with SHA-1 (Node's RSA_PKCS1_OAEP_PADDING default). "
                "Ask the sender to drop the oaepHash option."));
    switch (crypto::RsaPaddingProbe::probe(key, cipher)) {
    case crypto::RsaPaddingProbe::Shape::Pkcs1v15:
        return PayloadError::make(
            PayloadErrc::WrongPadding,
            QStringLiteral("The payload was encrypted to this key with PKCS#1 v1.5 padding, not "
                           "RSA-OAEP. Embedded-banking payloads must use OAEP (SHA-1)."));
    case crypto::RsaPaddingProbe::Shape::NotThisKey:
        return PayloadError::make(
            PayloadErrc::WrongKey,
            QStringLiteral("The payload was not encrypted to this private key (public key "
                           "fingerprint %1…). Choose the partner key the event was sent to.")
                .arg(fingerprint));
    case crypto::RsaPaddingProbe::Shape::OaepLike:
    case crypto::RsaPaddingProbe::Shape::Unknown:
        break;
    }
    return PayloadError::make(
        PayloadErrc::DecryptFailed,
        QStringLiteral("The payload has the right length but does not decrypt with this key "
                       "(fingerprint %1…): it is corrupted, uses an OAEP label, or was encrypted "
                       "to another key.")
            .arg(fingerprint));
}

Result<EventPayload, PayloadError> open(const crypto::RsaPrivateKey &key, QByteArrayView hexText,
                                        PayloadDecryptor::Options options, HexInput *input)
{
    if (key.isNull())
        return PayloadError::make(PayloadErrc::NoKey,
                                  QStringLiteral("Choose a private key first."));
    auto normalised = HexInput::normalise(hexText, PayloadDecryptor::kMaxHexChars);
    if (!normalised)
        return normalised.error();
    if (input)
        *input = normalised.value();
    auto bytes = crypto::Hex::decode(normalised->digits, PayloadDecryptor::kMaxHexChars / 2);
    if (!bytes) // cannot happen after normalise(), but never decrypt what did not decode
        return PayloadError::make(
            PayloadErrc::BadHex,
            QStringLiteral("The payload is not valid hex: %1").arg(bytes.error().message));
    const int block = key.publicKey().sizeBytes();
    if (bytes->size() != block)
        return PayloadError::make(
            PayloadErrc::WrongLength,
            QStringLiteral("The payload is %1 bytes (%2 hex digits); an event encrypted to this "
                           "%3-bit key is exactly %4 bytes (%5 hex digits). Was it cut off or "
                           "pasted twice?")
                .arg(bytes->size())
                .arg(bytes->size() * 2)
                .arg(key.bits())
                .arg(block)
                .arg(block * 2));
    auto plain = crypto::RsaOaep::decrypt(key, bytes.value(), crypto::OaepHash::Sha1);
    if (!plain && !options.diagnose)
        return PayloadError::make(
            PayloadErrc::DecryptFailed,
            QStringLiteral("The payload does not decrypt with this key (RSA-OAEP, SHA-1)."));
    if (!plain)
        return diagnose(key, bytes.value());

    return PayloadDecryptor::fromPlaintext(plain.value());
}

} // namespace

Result<EventPayload, PayloadError> PayloadDecryptor::decrypt(const crypto::RsaPrivateKey &key,
                                                             QByteArrayView hexText)
{
    return decrypt(key, hexText, Options {});
}

Result<EventPayload, PayloadError> PayloadDecryptor::decrypt(const crypto::RsaPrivateKey &key,
                                                             QByteArrayView hexText,
                                                             Options options, HexInput *input)
{
    auto result = open(key, hexText, options, input);
    // The cause and its sentence only: never the payload or what it decrypted to.
    if (result)
        qCDebug(aerodesk::log::embedded).noquote() << "event payload opened:" << result->kindName();
    else
        qCWarning(aerodesk::log::embedded).noquote()
            << "event payload does not open:" << payloadErrcName(result.error().code) << "-"
            << result.error().message;
    return result;
}

Result<EventPayload, PayloadError> PayloadDecryptor::fromPlaintext(const crypto::SecureBytes &plain)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString asText = utf8(plain.view());
    const bool badUtf8 = utf8.hasError();
    crypto::secureWipe(asText);
    if (badUtf8)
        return PayloadError::make(
            PayloadErrc::NotUtf8,
            QStringLiteral("The payload decrypted, but the result is not UTF-8 "
                           "text (%1 bytes of binary data).")
                .arg(plain.size()));
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(plain.rawView(), &err);
    if (err.error != QJsonParseError::NoError)
        return PayloadError::make(
            PayloadErrc::NotJson,
            QStringLiteral("The payload decrypted to text that is not JSON: %1 "
                           "at byte %2.")
                .arg(err.errorString())
                .arg(err.offset),
            err.offset);
    if (!doc.isObject())
        return PayloadError::make(PayloadErrc::NotObject,
                                  QStringLiteral("The payload decrypted to JSON, but to %1 rather "
                                                 "than an object.")
                                      .arg(doc.isArray() ? QStringLiteral("an array")
                                                         : QStringLiteral("a single value")));
    return EventPayload::classify(doc.object());
}

} // namespace aerodesk::embedded
