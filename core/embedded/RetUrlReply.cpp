#include "core/embedded/RetUrlReply.h"

#include "core/crypto/Hex.h"
#include "core/crypto/RsaOaep.h"

#include <QJsonDocument>

#include <cstring>

namespace aerodesk::embedded {

namespace {

// {"attemptId":"<id>","userCode":"<code>"} assembled byte by byte in wiping memory, so the
// userCode never passes through a QString or QJsonObject.
crypto::SecureBytes authPlaintext(const QString &attemptId, const crypto::SecureBytes &userCode)
{
    const QByteArray id = QJsonDocument(QJsonObject { { QStringLiteral("a"), attemptId } })
                              .toJson(QJsonDocument::Compact); // {"a":"<escaped id>"}
    const QByteArray idValue = id.mid(5, id.size() - 6); // "<escaped id>" with quotes
    const QByteArray head = "{\"attemptId\":" + idValue + ",\"userCode\":\"";
    const QByteArray tail = "\"}";
    crypto::SecureBytes out(std::size_t(head.size()) + userCode.size() + std::size_t(tail.size()));
    std::memcpy(out.data(), head.constData(), std::size_t(head.size()));
    std::memcpy(out.data() + head.size(), userCode.data(), userCode.size());
    std::memcpy(out.data() + head.size() + userCode.size(), tail.constData(),
                std::size_t(tail.size()));
    return out;
}

bool isPlainCode(const crypto::SecureBytes &code)
{
    // userCodes are opaque tokens; anything needing JSON escaping is refused rather than
    // escaped outside wiping memory.
    for (std::size_t i = 0; i < code.size(); ++i) {
        const unsigned char c = code.data()[i];
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f)
            return false;
    }
    return !code.isEmpty();
}

} // namespace

RetUrlReply RetUrlReply::connect(const QString &status, const QString &reason)
{
    return statusOnly(status, reason);
}

RetUrlReply RetUrlReply::statusOnly(const QString &status, const QString &reason)
{
    RetUrlReply r;
    r.m_body.insert(QStringLiteral("status"), status);
    if (!reason.isEmpty())
        r.m_body.insert(QStringLiteral("reason"), reason);
    return r;
}

Result<RetUrlReply, PayloadError> RetUrlReply::silentAuth(const crypto::RsaPublicKey &providerKey,
                                                          const QString &attemptId,
                                                          const crypto::SecureBytes &userCode,
                                                          const QString &status)
{
    if (providerKey.isNull())
        return PayloadError::make(
            PayloadErrc::NoKey,
            QStringLiteral("Choose the provider's public key to encrypt the reply to."));
    if (attemptId.isEmpty())
        return PayloadError::make(PayloadErrc::BadField, QStringLiteral("The attemptId is empty."));
    if (!isPlainCode(userCode))
        return PayloadError::make(PayloadErrc::BadField,
                                  QStringLiteral("The stored userCode is empty or has characters a "
                                                 "userCode never has."));
    const crypto::SecureBytes plain = authPlaintext(attemptId, userCode);
    auto sealed = crypto::RsaOaep::encrypt(providerKey, plain.view(), crypto::OaepHash::Sha1);
    if (!sealed)
        return PayloadError::make(
            PayloadErrc::EncryptFailed,
            QStringLiteral("The reply could not be encrypted: %1").arg(sealed.error().message));
    RetUrlReply r;
    r.m_body.insert(QStringLiteral("payload"),
                    QString::fromLatin1(crypto::Hex::encode(sealed.value())));
    r.m_body.insert(QStringLiteral("status"), status);
    return r;
}

QByteArray RetUrlReply::toJson() const
{
    return QJsonDocument(m_body).toJson(QJsonDocument::Compact);
}

} // namespace aerodesk::embedded
