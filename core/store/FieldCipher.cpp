#include "core/store/FieldCipher.h"

#include "core/crypto/Aead.h"
#include "core/util/LogCategories.h"

namespace aerodesk::store {

FieldCipher::FieldCipher(crypto::SecureBytes dataKey)
    : m_key(std::move(dataKey))
{
}

Result<QByteArray, StoreError> FieldCipher::seal(const QString &place,
                                                 QByteArrayView plaintext) const
{
    auto sealed = crypto::Aead::seal(m_key, plaintext, place.toUtf8());
    if (!sealed) {
        qCWarning(aerodesk::log::store).noquote()
            << "cannot encrypt a" << place << "value:" << sealed.error().message;
        return StoreError::make(
            StoreError::Kind::Crypto,
            QStringLiteral("Cannot encrypt %1: %2").arg(place, sealed.error().message));
    }
    return std::move(sealed).value();
}

Result<crypto::SecureBytes, StoreError> FieldCipher::open(const QString &place,
                                                          QByteArrayView sealed) const
{
    auto opened = crypto::Aead::open(m_key, sealed, place.toUtf8());
    if (!opened) {
        qCWarning(aerodesk::log::store).noquote()
            << "a stored" << place << "value does not decrypt";
        return StoreError::make(
            StoreError::Kind::Crypto,
            QStringLiteral(
                "A stored %1 value does not decrypt (tampered, or written under another key).")
                .arg(place));
    }
    return std::move(opened).value();
}

Result<QString, StoreError> FieldCipher::openText(const QString &place, QByteArrayView sealed) const
{
    auto opened = open(place, sealed);
    if (!opened)
        return opened.error();
    return QString::fromUtf8(opened->constChar(), qsizetype(opened->size()));
}

} // namespace aerodesk::store
