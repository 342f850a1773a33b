#include "core/crypto/SecureBytes.h"

#include <cstring>
#include <new>
#include <openssl/crypto.h>

namespace aerodesk::crypto {

namespace {
unsigned char *allocate(std::size_t size)
{
    return size == 0 ? nullptr : new unsigned char[size]();
}
} // namespace

SecureBytes::SecureBytes(std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
}

SecureBytes::SecureBytes(const void *data, std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    if (size != 0)
        std::memcpy(m_data, data, size);
}

SecureBytes::SecureBytes(QByteArrayView bytes)
    : SecureBytes(bytes.data(), std::size_t(bytes.size()))
{
}

SecureBytes SecureBytes::fromUtf8(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    return takeFrom(utf8);
}

SecureBytes SecureBytes::takeFrom(QByteArray &source)
{
    SecureBytes out(source.constData(), std::size_t(source.size()));
    secureWipe(source);
    return out;
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(other.m_data)
    , m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_data, m_size);
}

void SecureBytes::clear()
{
    if (m_data) {
        OPENSSL_cleanse(m_data, m_size);
        delete[] m_data;
    }
    m_data = nullptr;
    m_size = 0;
}

QString SecureBytes::toUtf8String() const
{
    return QString::fromUtf8(constChar(), qsizetype(m_size));
}

bool SecureBytes::equals(const SecureBytes &other) const
{
    if (m_size != other.m_size)
        return false;
    return m_size == 0 || CRYPTO_memcmp(m_data, other.m_data, m_size) == 0;
}

void secureWipe(QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    // Wipe only memory this QByteArray owns alone: detaching would copy the secret first.
    if (!bytes.data_ptr().isShared() && bytes.data_ptr()->isMutable())
        OPENSSL_cleanse(bytes.data_ptr().data(), std::size_t(bytes.size()));
    bytes.clear();
}

void secureWipe(QString &text)
{
    if (text.isEmpty())
        return;
    if (!text.data_ptr().isShared() && text.data_ptr()->isMutable())
        OPENSSL_cleanse(text.data_ptr().data(), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

} // namespace aerodesk::crypto
