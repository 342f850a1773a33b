#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/RsaPublicKey.h"
#include "tests/core/crypto/OpenSslCli.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;
using aerodesk::test::OpenSslCli;

class RsaKey : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        cli = new OpenSslCli;
        cli->makeRsaKey(QStringLiteral("k"));
    }
    static void TearDownTestSuite() { delete cli; }
    static OpenSslCli *cli;
};
OpenSslCli *RsaKey::cli = nullptr;

TEST_F(RsaKey, ReadsPkcs8AndPkcs1AndTheyAreTheSameKey)
{
    auto p8 = RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("k.pkcs8.pem")));
    auto p1 = RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("k.pkcs1.pem")));
    ASSERT_TRUE(p8.ok()) << p8.error().message.toStdString();
    ASSERT_TRUE(p1.ok()) << p1.error().message.toStdString();
    EXPECT_EQ(p8->bits(), 2048);
    EXPECT_EQ(p8->publicKey().fingerprintSha256(), p1->publicKey().fingerprintSha256());
}

TEST_F(RsaKey, ReadsEncryptedPkcs8WithTheRightPassphrase)
{
    auto k = RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("k.enc.pem")),
                                    SecureBytes(QByteArrayView("correct horse")));
    ASSERT_TRUE(k.ok()) << k.error().message.toStdString();
    EXPECT_EQ(k->bits(), 2048);
}

TEST_F(RsaKey, WrongPassphraseIsItsOwnError)
{
    auto k = RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("k.enc.pem")),
                                    SecureBytes(QByteArrayView("battery staple")));
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.error().code, CryptoErrc::PemWrongPassphrase);
    EXPECT_TRUE(k.error().message.contains(QStringLiteral("passphrase")));
}

TEST_F(RsaKey, MissingPassphraseIsItsOwnError)
{
    auto k = RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("k.enc.pem")));
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.error().code, CryptoErrc::PemPassphraseRequired);
}

TEST_F(RsaKey, ReadsSpkiAndPkcs1PublicKeys)
{
    auto spki = RsaPublicKey::fromPem(cli->readFile(QStringLiteral("k.spki.pem")));
    auto pkcs1 = RsaPublicKey::fromPem(cli->readFile(QStringLiteral("k.rsapub.pem")));
    ASSERT_TRUE(spki.ok()) << spki.error().message.toStdString();
    ASSERT_TRUE(pkcs1.ok()) << pkcs1.error().message.toStdString();
    EXPECT_EQ(spki->fingerprintSha256(), pkcs1->fingerprintSha256());
    EXPECT_EQ(spki->fingerprintSha256().size(), 64);
    EXPECT_EQ(spki->sizeBytes(), 256);
}

TEST_F(RsaKey, FingerprintMatchesOpenSslCli)
{
    // SHA-256 of the DER SPKI, computed by the openssl CLI as an independent check.
    cli->run({ QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"),
               QStringLiteral("k.spki.pem"), QStringLiteral("-outform"), QStringLiteral("DER"),
               QStringLiteral("-out"), QStringLiteral("k.spki.der") });
    const QByteArray dgst = cli->run({ QStringLiteral("dgst"), QStringLiteral("-sha256"),
                                       QStringLiteral("-r"), QStringLiteral("k.spki.der") });
    auto spki = RsaPublicKey::fromPem(cli->readFile(QStringLiteral("k.spki.pem")));
    ASSERT_TRUE(spki.ok());
    EXPECT_EQ(spki->fingerprintSha256(), dgst.left(64));
}

TEST_F(RsaKey, PublicPemRoundTrips)
{
    auto spki = RsaPublicKey::fromPem(cli->readFile(QStringLiteral("k.spki.pem")));
    ASSERT_TRUE(spki.ok());
    auto again = RsaPublicKey::fromPem(spki->toPem());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->fingerprintSha256(), spki->fingerprintSha256());
}

TEST_F(RsaKey, GeneratedKeyExportsAndReimports)
{
    auto k = RsaPrivateKey::generate(2048);
    ASSERT_TRUE(k.ok());
    const SecureBytes pem = k->toPkcs8Pem();
    ASSERT_TRUE(pem.view().startsWith("-----BEGIN PRIVATE KEY-----"));
    auto back = RsaPrivateKey::fromPem(pem.view());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->publicKey().fingerprintSha256(), k->publicKey().fingerprintSha256());

    const SecureBytes pass(QByteArrayView("s3cret"));
    auto enc = k->toEncryptedPkcs8Pem(pass);
    ASSERT_TRUE(enc.ok());
    EXPECT_TRUE(enc->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    EXPECT_TRUE(RsaPrivateKey::fromPem(*enc, pass).ok());
    EXPECT_EQ(RsaPrivateKey::fromPem(*enc, SecureBytes(QByteArrayView("nope"))).error().code,
              CryptoErrc::PemWrongPassphrase);
}

TEST_F(RsaKey, EmptyTextIsPemEmpty)
{
    EXPECT_EQ(RsaPrivateKey::fromPem("  \n").error().code, CryptoErrc::PemEmpty);
    EXPECT_EQ(RsaPublicKey::fromPem("").error().code, CryptoErrc::PemEmpty);
}

TEST_F(RsaKey, GarbageIsPemUnrecognised)
{
    EXPECT_EQ(RsaPrivateKey::fromPem(
                  "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n")
                  .error()
                  .code,
              CryptoErrc::PemUnrecognised);
    EXPECT_EQ(RsaPublicKey::fromPem("hello").error().code, CryptoErrc::PemUnrecognised);
    // A private key where a public key is expected is not accepted as a public key.
    EXPECT_FALSE(RsaPublicKey::fromPem(cli->readFile(QStringLiteral("k.pkcs8.pem"))).ok());
}

TEST_F(RsaKey, EcKeyIsNotRsa)
{
    cli->run({ QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
               QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
               QStringLiteral("-out"), QStringLiteral("ec.pem") });
    auto k = RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("ec.pem")));
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.error().code, CryptoErrc::KeyNotRsa);
    EXPECT_TRUE(k.error().message.contains(QStringLiteral("EC")))
        << k.error().message.toStdString();
}

TEST_F(RsaKey, SmallKeysAreRefused)
{
    cli->makeRsaKey(QStringLiteral("small"), 1024);
    EXPECT_EQ(RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("small.pkcs8.pem"))).error().code,
              CryptoErrc::KeyTooSmall);
    EXPECT_EQ(RsaPublicKey::fromPem(cli->readFile(QStringLiteral("small.spki.pem"))).error().code,
              CryptoErrc::KeyTooSmall);
    EXPECT_EQ(RsaPrivateKey::generate(1024).error().code, CryptoErrc::KeyTooSmall);
}
