#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>

namespace aerodesk::crypto {

/// A fixed-size byte buffer for secrets (keys, passphrases, decrypted payloads, userCodes).
/// Its memory is wiped with OPENSSL_cleanse when it is destroyed, cleared or moved from.
/// Move-only: copies of secrets are explicit (clone()). It never reallocates, so no stale
/// copy of its content is left behind in freed memory.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); ///< zero-filled
    SecureBytes(const void *data, std::size_t size);
    explicit SecureBytes(QByteArrayView bytes);
    /// Takes the bytes of a QString as UTF-8; the temporary UTF-8 copy is wiped.
    static SecureBytes fromUtf8(const QString &text);
    /// Copies `source` and then wipes `source` in place (for QByteArrays that held a secret).
    static SecureBytes takeFrom(QByteArray &source);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    SecureBytes clone() const;
    void clear(); ///< wipe and release

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    const char *constChar() const { return reinterpret_cast<const char *>(m_data); }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    /// A non-owning view; valid while this object lives and is not modified.
    QByteArrayView view() const { return QByteArrayView(constChar(), qsizetype(m_size)); }
    /// A QByteArray that shares this memory (QByteArray::fromRawData): no copy is made.
    QByteArray rawView() const { return QByteArray::fromRawData(constChar(), qsizetype(m_size)); }
    /// A copy as QString (UTF-8). The caller owns a copy of a secret: keep it short-lived.
    QString toUtf8String() const;

    /// Constant-time equality.
    bool equals(const SecureBytes &other) const;

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

/// Wipes a QByteArray / QString in place (for data that held secrets before it was moved
/// into SecureBytes, or for transient UI text).
void secureWipe(QByteArray &bytes);
void secureWipe(QString &text);

} // namespace aerodesk::crypto
