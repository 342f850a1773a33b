// RSA-OAEP and HMAC-SHA256 checked against independent peers: Node's crypto and the openssl CLI.
#include "core/crypto/Hex.h"
#include "core/crypto/Hmac.h"
#include "core/crypto/RsaOaep.h"
#include "tests/core/crypto/OpenSslCli.h"
#include "tests/interop/NodePeer.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace aerodesk::crypto;
using aerodesk::test::OpenSslCli;
using aerodesk::test::runNodeOaep;

class OaepInterop : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        cli = new OpenSslCli;
        cli->makeRsaKey(QStringLiteral("partner"));
        key = new RsaPrivateKey(
            RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("partner.pkcs8.pem"))).value());
    }
    static void TearDownTestSuite()
    {
        delete key;
        delete cli;
    }
    static QString file(const char *name) { return cli->path(QString::fromLatin1(name)); }
    static OpenSslCli *cli;
    static RsaPrivateKey *key;
};
OpenSslCli *OaepInterop::cli = nullptr;
RsaPrivateKey *OaepInterop::key = nullptr;

TEST_F(OaepInterop, NodeDefaultEncryptAeroDeskDecrypts)
{
    // Exactly what the embedded-banking component does: publicEncrypt with OAEP, nothing else.
    const QByteArray event = R"({"userCode":"UC-8f2e","retUrl":"https://eb.example/ret/1"})";
    bool ok = false;
    const QByteArray ct = runNodeOaep(QStringLiteral("encrypt"), file("partner.spki.pem"), event,
                                      QStringLiteral("default"), &ok);
    ASSERT_TRUE(ok);
    auto pt = RsaOaep::decrypt(*key, ct); // AeroDesk's default
    ASSERT_TRUE(pt.ok()) << pt.error().message.toStdString();
    EXPECT_EQ(pt->view(), QByteArrayView(event));
}

TEST_F(OaepInterop, NodeSha1AndSha256EncryptAeroDeskDecrypts)
{
    const QByteArray msg = "interop \x00\x01\xff bytes";
    for (auto [name, hash] :
         { std::pair { "sha1", OaepHash::Sha1 }, std::pair { "sha256", OaepHash::Sha256 } }) {
        bool ok = false;
        const QByteArray ct = runNodeOaep(QStringLiteral("encrypt"), file("partner.spki.pem"), msg,
                                          QString::fromLatin1(name), &ok);
        ASSERT_TRUE(ok) << name;
        auto pt = RsaOaep::decrypt(*key, ct, hash);
        ASSERT_TRUE(pt.ok()) << name << ": " << pt.error().message.toStdString();
        EXPECT_EQ(pt->view(), QByteArrayView(msg)) << name;
        // And the other hash must not open it.
        EXPECT_FALSE(
            RsaOaep::decrypt(*key, ct, hash == OaepHash::Sha1 ? OaepHash::Sha256 : OaepHash::Sha1)
                .ok());
    }
}

TEST_F(OaepInterop, AeroDeskEncryptsNodeDecrypts)
{
    // The silent-authentication reply {attemptId, userCode}, as AeroDesk will send it.
    const QByteArray reply =
        QJsonDocument(QJsonObject { { QStringLiteral("attemptId"), QStringLiteral("att-42") },
                                    { QStringLiteral("userCode"), QStringLiteral("UC-8f2e") } })
            .toJson(QJsonDocument::Compact);
    for (auto [name, hash] :
         { std::pair { "default", OaepHash::Sha1 }, std::pair { "sha1", OaepHash::Sha1 },
           std::pair { "sha256", OaepHash::Sha256 } }) {
        auto ct = RsaOaep::encrypt(key->publicKey(), reply, hash);
        ASSERT_TRUE(ct.ok());
        bool ok = false;
        const QByteArray pt = runNodeOaep(QStringLiteral("decrypt"), file("partner.pkcs8.pem"), *ct,
                                          QString::fromLatin1(name), &ok);
        ASSERT_TRUE(ok) << name;
        EXPECT_EQ(pt, reply) << name;
    }
}

TEST_F(OaepInterop, OpenSslPkeyutlDecryptsAeroDeskCiphertext)
{
    for (bool sha256 : { false, true }) {
        auto ct = RsaOaep::encrypt(key->publicKey(), "to openssl",
                                   sha256 ? OaepHash::Sha256 : OaepHash::Sha1);
        ASSERT_TRUE(ct.ok());
        cli->writeFile(QStringLiteral("ct.bin"), *ct);
        QStringList args { QStringLiteral("pkeyutl"),  QStringLiteral("-decrypt"),
                           QStringLiteral("-inkey"),   QStringLiteral("partner.pkcs8.pem"),
                           QStringLiteral("-in"),      QStringLiteral("ct.bin"),
                           QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep") };
        if (sha256)
            args << QStringLiteral("-pkeyopt") << QStringLiteral("rsa_oaep_md:sha256");
        EXPECT_EQ(cli->run(args), QByteArray("to openssl")) << (sha256 ? "sha256" : "sha1");
    }
}

TEST_F(OaepInterop, AeroDeskDecryptsOpenSslPkeyutlCiphertext)
{
    cli->writeFile(QStringLiteral("pt.txt"), "from openssl");
    cli->run({ QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"), QStringLiteral("-pubin"),
               QStringLiteral("-inkey"), QStringLiteral("partner.spki.pem"), QStringLiteral("-in"),
               QStringLiteral("pt.txt"), QStringLiteral("-out"), QStringLiteral("ct2.bin"),
               QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep") });
    auto pt = RsaOaep::decrypt(*key, cli->readFile(QStringLiteral("ct2.bin")));
    ASSERT_TRUE(pt.ok()) << pt.error().message.toStdString();
    EXPECT_EQ(pt->view(), QByteArrayView("from openssl"));
}

TEST_F(OaepInterop, HmacMatchesOpenSslDgst)
{
    const QByteArray body =
        QByteArray(
            R"({"event":"job.balance","timestamp":1764000000,"data":{"status":"completed"}})") +
        QByteArray("\n\x00\xfe binary tail", 15);
    cli->writeFile(QStringLiteral("body.bin"), body);
    const QByteArray out = cli->run({ QStringLiteral("dgst"), QStringLiteral("-sha256"),
                                      QStringLiteral("-hmac"), QStringLiteral("whsec_test_secret"),
                                      QStringLiteral("-r"), QStringLiteral("body.bin") });
    EXPECT_EQ(Hex::encode(Hmac::sha256("whsec_test_secret", body)), out.left(64));

    // A binary key, through -mac HMAC -macopt hexkey:.
    const QByteArray key("\x00\x01\x02\xfe\xff key", 9);
    const QByteArray out2 =
        cli->run({ QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-mac"),
                   QStringLiteral("HMAC"), QStringLiteral("-macopt"),
                   QStringLiteral("hexkey:") + QString::fromLatin1(Hex::encode(key)),
                   QStringLiteral("-r"), QStringLiteral("body.bin") });
    EXPECT_EQ(Hex::encode(Hmac::sha256(key, body)), out2.left(64));
}
