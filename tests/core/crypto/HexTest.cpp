#include "core/crypto/Hex.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;

TEST(Hex, RoundTripsEveryByte)
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    const QByteArray text = Hex::encode(all);
    EXPECT_EQ(text.size(), 512);
    EXPECT_EQ(text.left(8), QByteArray("00010203"));
    EXPECT_EQ(text.right(4), QByteArray("feff")) << "encode must be lowercase";
    auto back = Hex::decode(text);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, all);
}

TEST(Hex, AcceptsUppercase)
{
    auto r = Hex::decode("DEADbeef");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, QByteArray("\xde\xad\xbe\xef"));
}

TEST(Hex, EmptyIsItsOwnError)
{
    auto r = Hex::decode("");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::HexEmpty);
    EXPECT_FALSE(r.error().message.isEmpty());
}

TEST(Hex, OddLengthIsItsOwnError)
{
    auto r = Hex::decode("abc");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::HexOddLength);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("odd")))
        << r.error().message.toStdString();
}

TEST(Hex, BadCharacterNamesItsPosition)
{
    auto r = Hex::decode("0011zz");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::HexBadCharacter);
    EXPECT_EQ(r.error().position, 4);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("Character 5")))
        << r.error().message.toStdString();
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("'z'")))
        << r.error().message.toStdString();
}

TEST(Hex, NonPrintableBadCharacterIsShownAsAByte)
{
    auto r = Hex::decode(QByteArray("00\x01"
                                    "1",
                                    4));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::HexBadCharacter);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("0x01")))
        << r.error().message.toStdString();
}

TEST(Hex, WhitespaceIsItsOwnErrorWithPosition)
{
    for (const char *text : { "ab cd", "ab\ncd", "ab\tcd", "abcd\n" }) {
        auto r = Hex::decode(text);
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_EQ(r.error().code, CryptoErrc::HexWhitespace) << text;
        EXPECT_GE(r.error().position, 2);
    }
    auto r = Hex::decode("ab\ncd");
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("line break")))
        << r.error().message.toStdString();
}

TEST(Hex, BadCharacterWinsOverOddLength)
{
    // "abg" is odd AND has a bad character; the stray character is the likelier cause.
    auto r = Hex::decode("abg");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::HexBadCharacter);
}

TEST(Hex, SizeCapIsItsOwnError)
{
    const QByteArray text(2 * 1024 + 2, 'a');
    auto r = Hex::decode(text, 1024);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::HexTooLarge);
    EXPECT_TRUE(Hex::decode(QByteArray(2048, 'a'), 1024).ok()) << "exactly at the cap is fine";
}

TEST(Hex, ErrorCodesHaveStableNames)
{
    EXPECT_EQ(cryptoErrcName(CryptoErrc::HexOddLength), QStringLiteral("hex-odd-length"));
    EXPECT_EQ(cryptoErrcName(CryptoErrc::DecryptFailed), QStringLiteral("decrypt-failed"));
}

TEST(Hex, DecodeIntoTakesExactlyTheDigitsOfItsBuffer)
{
    const QByteArray bytes = QByteArray::fromHex("00ff10a5c3");
    unsigned char out[5] = {};
    ASSERT_TRUE(Hex::decodeInto("00FF10a5C3", out, 5));
    EXPECT_EQ(QByteArray(reinterpret_cast<const char *>(out), 5), bytes);
    EXPECT_FALSE(Hex::decodeInto("00ff10a5c", out, 5)) << "one digit short";
    EXPECT_FALSE(Hex::decodeInto("00ff10a5c3aa", out, 5)) << "one byte too many";
    EXPECT_FALSE(Hex::decodeInto("00ff10a5cg", out, 5)) << "not a hex digit";
    EXPECT_FALSE(Hex::decodeInto("00ff 0a5c3", out, 5)) << "white space";
    EXPECT_FALSE(Hex::decodeInto("", out, 0));
    // Every byte value round-trips, as through decode().
    QByteArray all(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    unsigned char back[256];
    ASSERT_TRUE(Hex::decodeInto(Hex::encode(all).toUpper(), back, 256));
    EXPECT_EQ(QByteArray(reinterpret_cast<const char *>(back), 256), all);
}
