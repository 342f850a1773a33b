#include "core/store/FieldCipher.h"

#include "core/crypto/Aead.h"
#include "core/util/LogCategories.h"

namespace aerodesk::store {

FieldCipher::FieldCipher()
    : m_aead(std::make_unique<crypto::AeadKey>(crypto::SecureBytes()))
{
}

FieldCipher::FieldCipher(crypto::SecureBytes key, Binding binding, int epoch)
    : m_aead(std::make_unique<crypto::AeadKey>(key))
    , m_binding(binding)
    , m_epoch(epoch)
{
}

void FieldCipher::addReadable(FieldCipher other)
{
    m_readable.push_back(std::make_shared<const FieldCipher>(std::move(other)));
}

QByteArray FieldCipher::associatedData(const QString &place, QByteArrayView rowKey) const
{
    QByteArray aad = place.toUtf8();
    if (m_binding == Binding::RowBound) {
        aad.append('\0');
        aad.append(rowKey);
        if (m_epoch >= 2) // epoch 1 stays byte-compatible with stores made before rotation
            aad.append("|e" + QByteArray::number(m_epoch));
    }
    return aad;
}

Result<QByteArray, StoreError> FieldCipher::seal(const QString &place, QByteArrayView rowKey,
                                                 QByteArrayView plaintext) const
{
    if (!m_refusal.isEmpty())
        return StoreError::make(StoreError::Kind::ReadOnly, m_refusal);
    if (m_binding == Binding::RowBound && rowKey.isEmpty())
        return StoreError::make(StoreError::Kind::Crypto,
                                QStringLiteral("Cannot encrypt %1 without its row.").arg(place));
    auto sealed = m_aead->seal(plaintext, associatedData(place, rowKey));
    if (!sealed) {
        qCWarning(aerodesk::log::store).noquote()
            << "cannot encrypt a" << place << "value:" << sealed.error().message;
        return StoreError::make(
            StoreError::Kind::Crypto,
            QStringLiteral("Cannot encrypt %1: %2").arg(place, sealed.error().message));
    }
    return std::move(sealed).value();
}

Result<crypto::SecureBytes, StoreError>
FieldCipher::open(const QString &place, QByteArrayView rowKey, QByteArrayView sealed) const
{
    auto opened = tryOpen(place, rowKey, sealed);
    if (!opened) {
        qCWarning(aerodesk::log::store).noquote()
            << "a stored" << place << "value does not decrypt";
        return StoreError::make(
            StoreError::Kind::Crypto,
            QStringLiteral("A stored %1 value does not decrypt: it was tampered with, moved from "
                           "another row or column, or written under another key.")
                .arg(place));
    }
    return std::move(opened).value();
}

std::optional<crypto::SecureBytes> FieldCipher::tryOpen(const QString &place, QByteArrayView rowKey,
                                                        QByteArrayView sealed) const
{
    if (auto opened = m_aead->open(sealed, associatedData(place, rowKey)))
        return std::move(opened).value();
    for (const auto &other : m_readable)
        if (auto opened = other->tryOpen(place, rowKey, sealed))
            return opened;
    return std::nullopt;
}

Result<QString, StoreError> FieldCipher::openText(const QString &place, QByteArrayView rowKey,
                                                  QByteArrayView sealed) const
{
    auto opened = open(place, rowKey, sealed);
    if (!opened)
        return opened.error();
    return QString::fromUtf8(opened->constChar(), qsizetype(opened->size()));
}

} // namespace aerodesk::store
