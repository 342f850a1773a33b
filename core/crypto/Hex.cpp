#include "core/crypto/Hex.h"

namespace aerodesk::crypto {

namespace {
// A table, not branches: the webhook verifier decodes a 64-digit signature per delivery.
struct NibbleTable
{
    signed char value[256];
    constexpr NibbleTable()
        : value()
    {
        for (int c = 0; c < 256; ++c)
            value[c] = c >= '0' && c <= '9' ? static_cast<signed char>(c - '0')
                : c >= 'a' && c <= 'f'      ? static_cast<signed char>(c - 'a' + 10)
                : c >= 'A' && c <= 'F'      ? static_cast<signed char>(c - 'A' + 10)
                                            : static_cast<signed char>(-1);
    }
};
constexpr NibbleTable kNibbles;

int nibble(char c)
{
    return kNibbles.value[static_cast<unsigned char>(c)];
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

QString describe(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("'%1'").arg(QChar(u));
    return QStringLiteral("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
}

QString whitespaceName(char c)
{
    switch (c) {
    case ' ':
        return QStringLiteral("a space");
    case '\t':
        return QStringLiteral("a tab");
    case '\n':
        return QStringLiteral("a line break");
    case '\r':
        return QStringLiteral("a carriage return");
    default:
        return QStringLiteral("white space");
    }
}
} // namespace

// Precedence: empty, then too large (checked before scanning), then the first bad character
// (white space or non-hex — a stray character is the likelier cause of an odd length), then
// odd length.
Result<QByteArray, CryptoError> Hex::decode(QByteArrayView text, qsizetype maxBytes)
{
    if (text.isEmpty())
        return CryptoError::make(CryptoErrc::HexEmpty, QStringLiteral("The hex text is empty."));
    if (text.size() > maxBytes * 2)
        return CryptoError::make(
            CryptoErrc::HexTooLarge,
            QStringLiteral("The hex text is %1 characters long; the limit is %2 "
                           "(%3 bytes).")
                .arg(text.size())
                .arg(maxBytes * 2)
                .arg(maxBytes));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (nibble(c) >= 0)
            continue;
        if (isWhitespace(c))
            return CryptoError::make(CryptoErrc::HexWhitespace,
                                     QStringLiteral("Character %1 is %2; hex text must have no "
                                                    "spaces or line breaks.")
                                         .arg(i + 1)
                                         .arg(whitespaceName(c)),
                                     i);
        return CryptoError::make(CryptoErrc::HexBadCharacter,
                                 QStringLiteral("Character %1 is %2, not a hex digit (0-9, a-f).")
                                     .arg(i + 1)
                                     .arg(describe(c)),
                                 i);
    }
    if (text.size() % 2 != 0)
        return CryptoError::make(CryptoErrc::HexOddLength,
                                 QStringLiteral("The hex text has an odd number of digits (%1): a "
                                                "digit is missing or extra.")
                                     .arg(text.size()),
                                 text.size() - 1);
    QByteArray out(text.size() / 2, Qt::Uninitialized);
    char *dst = out.data(); // detached once, not per byte
    const char *src = text.data();
    for (qsizetype i = 0; i < out.size(); ++i)
        dst[i] = char((nibble(src[2 * i]) << 4) | nibble(src[2 * i + 1]));
    return out;
}

bool Hex::decodeInto(QByteArrayView text, unsigned char *out, qsizetype size)
{
    if (size <= 0 || text.size() != 2 * size)
        return false;
    const char *src = text.data();
    int bad = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const int hi = nibble(src[2 * i]);
        const int lo = nibble(src[2 * i + 1]);
        bad |= hi | lo; // -1 sets the sign bit
        out[i] = static_cast<unsigned char>((hi << 4) | (lo & 0x0f));
    }
    return bad >= 0;
}

QByteArray Hex::encode(QByteArrayView bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    QByteArray out(bytes.size() * 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 0x0f];
    }
    return out;
}

} // namespace aerodesk::crypto
