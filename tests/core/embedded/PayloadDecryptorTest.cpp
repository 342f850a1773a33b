// The payload inspector's decryptor against an independent peer: every ciphertext here is made
// by the openssl CLI (pkeyutl) from keys it generated, and every reply we encrypt is opened by it.

#include "core/embedded/PayloadDecryptor.h"

#include "core/crypto/Hex.h"
#include "core/crypto/RsaPrivateKey.h"
#include "core/embedded/RetUrlReply.h"
#include "tests/core/crypto/OpenSslCli.h"

#include <QJsonDocument>
#include <QSet>

#include <gtest/gtest.h>
#include <set>

using namespace aerodesk;
using namespace aerodesk::embedded;

namespace {

class PayloadDecryptorTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        cli = new test::OpenSslCli;
        cli->makeRsaKey(QStringLiteral("partner"));
        cli->makeRsaKey(QStringLiteral("other"));
    }
    static void TearDownTestSuite()
    {
        delete cli;
        cli = nullptr;
    }
    void SetUp() override
    {
        ASSERT_TRUE(cli->ok());
        auto k = crypto::RsaPrivateKey::fromPem(cli->readFile(QStringLiteral("partner.pkcs8.pem")));
        ASSERT_TRUE(k.ok());
        key = k.value();
    }

    /// openssl pkeyutl -encrypt to `keyName`'s public key with the given padding options, as hex.
    static QByteArray seal(const QByteArray &plain, const QStringList &padding = oaepSha1(),
                           const QString &keyName = QStringLiteral("partner"))
    {
        QStringList args { QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"),
                           QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                           cli->path(keyName + QStringLiteral(".spki.pem")) };
        args << padding;
        return crypto::Hex::encode(cli->run(args, plain));
    }
    static QStringList oaepSha1()
    {
        return { QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("rsa_oaep_md:sha1") };
    }
    static QStringList oaepSha256()
    {
        return { QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("rsa_oaep_md:sha256"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("rsa_mgf1_md:sha256") };
    }

    PayloadErrc errorOf(const QByteArray &hex) const
    {
        auto r = PayloadDecryptor::decrypt(key, hex);
        EXPECT_FALSE(r.ok());
        return r.ok() ? PayloadErrc::NoKey : r.error().code;
    }

    static test::OpenSslCli *cli;
    crypto::RsaPrivateKey key;
};
test::OpenSslCli *PayloadDecryptorTest::cli = nullptr;

const QByteArray kConnect =
    R"({"retUrl":"https://eb.example.com/ret/connect/abc","userCode":"0f1e2d3c4b5a69788796a5b4c3d2e1f0"})";
const QByteArray kAuth =
    R"({"attemptId":"7d1f00aa","retUrl":"https://eb.example.com/ret/auth/7d1f00aa"})";

} // namespace

TEST_F(PayloadDecryptorTest, ConnectEventFromOpenSslGivesUserCodeAndRetUrl)
{
    auto r = PayloadDecryptor::decrypt(key, seal(kConnect));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->kind(), EventPayload::Kind::Connect);
    EXPECT_EQ(r->retUrl(), QUrl(QStringLiteral("https://eb.example.com/ret/connect/abc")));
    EXPECT_EQ(r->userCode().view(), QByteArrayView("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
    const QByteArray shown = QJsonDocument(r->displayObject()).toJson();
    EXPECT_FALSE(shown.contains("0f1e2d3c")) << "the display JSON must not carry the userCode";
    EXPECT_TRUE(shown.contains("32 characters, hidden"));
    EXPECT_TRUE(r->attemptId().isEmpty());
}

TEST_F(PayloadDecryptorTest, SilentAuthEventShowsAttemptId)
{
    auto r = PayloadDecryptor::decrypt(key, seal(kAuth));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->kind(), EventPayload::Kind::SilentAuth);
    EXPECT_EQ(r->attemptId(), QStringLiteral("7d1f00aa"));
    EXPECT_TRUE(r->userCode().isEmpty());
    EXPECT_EQ(r->displayObject().value(QLatin1String("attemptId")).toString(),
              QStringLiteral("7d1f00aa"));
}

TEST_F(PayloadDecryptorTest, UnknownExtraFieldsAreToleratedAndListed)
{
    auto r = PayloadDecryptor::decrypt(
        key, seal(R"({"attemptId":"a1","retUrl":"https://h.example/r","v":2})"));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->extraKeys(), QStringList { QStringLiteral("v") });
}

TEST_F(PayloadDecryptorTest, SurroundingWhitespaceIsIgnoredSilently)
{
    const QByteArray hex = seal(kAuth);
    HexInput input;
    EXPECT_TRUE(PayloadDecryptor::decrypt(key, "  " + hex + "\r\n", {}, &input).ok());
    EXPECT_FALSE(input.wasNormalised()) << input.describe().toStdString();
}

TEST_F(PayloadDecryptorTest, WrappedAndPrefixedPayloadsDecryptAndSaySo)
{
    const QByteArray hex = seal(kAuth);
    // As copied from a terminal: 64 digits per line, indented, CRLF, with a 0x prefix.
    QByteArray wrapped = "  0x";
    for (qsizetype i = 0; i < hex.size(); i += 64)
        wrapped += "    " + hex.mid(i, 64) + "\r\n";
    HexInput input;
    auto r = PayloadDecryptor::decrypt(key, wrapped, {}, &input);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->kind(), EventPayload::Kind::SilentAuth);
    EXPECT_TRUE(input.prefixRemoved);
    EXPECT_EQ(input.lineBreaks, int(hex.size() / 64) - 1);
    EXPECT_TRUE(input.describe().contains(QLatin1String("0x"))) << input.describe().toStdString();
    EXPECT_TRUE(input.describe().contains(QLatin1String("line break")))
        << input.describe().toStdString();

    // Spaces in the middle of a single line are fine too.
    QByteArray spaced = hex;
    spaced.insert(40, ' ');
    spaced.insert(100, "\t");
    EXPECT_TRUE(PayloadDecryptor::decrypt(key, spaced).ok());
    // 0X, upper case, works; "0x" anywhere but the start is a stray 'x' with its position.
    EXPECT_TRUE(PayloadDecryptor::decrypt(key, "0X" + hex.toUpper()).ok());
    QByteArray inner = hex;
    inner.insert(10, "0x");
    auto x = PayloadDecryptor::decrypt(key, inner);
    ASSERT_FALSE(x.ok());
    EXPECT_EQ(x.error().code, PayloadErrc::BadHex);
    EXPECT_EQ(x.error().position, 11);
    EXPECT_TRUE(x.error().message.contains(QLatin1String("'x'")))
        << x.error().message.toStdString();
}

TEST_F(PayloadDecryptorTest, AStrayCharacterInAWrappedPayloadIsPlacedByLineAndColumn)
{
    const QByteArray hex = seal(kAuth);
    QByteArray wrapped;
    for (qsizetype i = 0; i < hex.size(); i += 64)
        wrapped += hex.mid(i, 64) + "\n";
    // Line 3, column 6: the 5 characters before it on its line, two full lines of 65 before.
    wrapped[2 * 65 + 5] = 'g';
    auto r = PayloadDecryptor::decrypt(key, wrapped);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, PayloadErrc::BadHex);
    EXPECT_EQ(r.error().position, 2 * 65 + 5);
    EXPECT_TRUE(r.error().message.contains(QLatin1String("line 3, column 6")))
        << r.error().message.toStdString();
}

TEST_F(PayloadDecryptorTest, WithoutDiagnosisEveryDecryptFailureIsTheSame)
{
    const QByteArray pkcs1 =
        seal(kAuth, { QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:pkcs1") });
    const QByteArray sha256 = seal(kAuth, oaepSha256());
    const QByteArray other = seal(kAuth, oaepSha1(), QStringLiteral("other"));
    const PayloadDecryptor::Options quiet { false };
    QStringList messages;
    for (const QByteArray &hex : { pkcs1, sha256, other }) {
        auto r = PayloadDecryptor::decrypt(key, hex, quiet);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, PayloadErrc::DecryptFailed);
        messages << r.error().message;
    }
    EXPECT_EQ(messages.count(messages.first()), 3) << messages.join(QLatin1Char('|')).toStdString();
    EXPECT_FALSE(messages.first().contains(QLatin1String("PKCS")));
    EXPECT_FALSE(messages.first().contains(QLatin1String("SHA-256")));
    // With diagnosis (the inspector), the same inputs are told apart.
    EXPECT_EQ(errorOf(pkcs1), PayloadErrc::WrongPadding);
    EXPECT_EQ(errorOf(sha256), PayloadErrc::WrongOaepHash);
}

TEST_F(PayloadDecryptorTest, MalformedHexNamesTheProblem)
{
    const QByteArray hex = seal(kAuth);
    auto odd = PayloadDecryptor::decrypt(key, hex.left(hex.size() - 1));
    ASSERT_FALSE(odd.ok());
    EXPECT_EQ(odd.error().code, PayloadErrc::BadHex);
    EXPECT_TRUE(odd.error().message.contains(QLatin1String("odd"), Qt::CaseInsensitive))
        << odd.error().message.toStdString();

    QByteArray bad = hex;
    bad[17] = 'g';
    auto g = PayloadDecryptor::decrypt(key, bad);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().position, 17);
    EXPECT_TRUE(g.error().message.contains(QLatin1String("'g'")))
        << g.error().message.toStdString();
    EXPECT_EQ(errorOf("   "), PayloadErrc::Empty);
}

TEST_F(PayloadDecryptorTest, TruncatedOrDoubledPayloadIsTheWrongLength)
{
    const QByteArray hex = seal(kAuth);
    EXPECT_EQ(errorOf(hex.left(200)), PayloadErrc::WrongLength);
    auto r = PayloadDecryptor::decrypt(key, hex + hex);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, PayloadErrc::WrongLength);
    EXPECT_TRUE(r.error().message.contains(QLatin1String("512 bytes")))
        << r.error().message.toStdString();
}

TEST_F(PayloadDecryptorTest, PayloadForAnotherKeyIsTheWrongKey)
{
    auto r = PayloadDecryptor::decrypt(key, seal(kAuth, oaepSha1(), QStringLiteral("other")));
    ASSERT_FALSE(r.ok());
    // A wrong key leaves a random number; 1 in 256 of those starts with 00 and is then reported
    // as the generic failure. Both are "does not decrypt with this key".
    EXPECT_TRUE(r.error().code == PayloadErrc::WrongKey ||
                r.error().code == PayloadErrc::DecryptFailed);
    EXPECT_TRUE(r.error().message.contains(QLatin1String("fingerprint")))
        << r.error().message.toStdString();
}

TEST_F(PayloadDecryptorTest, Pkcs1v15PaddingIsNamed)
{
    EXPECT_EQ(errorOf(seal(
                  kAuth, { QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:pkcs1") })),
              PayloadErrc::WrongPadding);
}

TEST_F(PayloadDecryptorTest, OaepWithSha256IsNamed)
{
    auto r = PayloadDecryptor::decrypt(key, seal(kAuth, oaepSha256()));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, PayloadErrc::WrongOaepHash);
    EXPECT_TRUE(r.error().message.contains(QLatin1String("SHA-256")));
}

TEST_F(PayloadDecryptorTest, CorruptedCiphertextIsNotMistakenForSuccess)
{
    QByteArray hex = seal(kAuth);
    hex[300] = hex[300] == '0' ? '1' : '0';
    const PayloadErrc code = errorOf(hex);
    EXPECT_TRUE(code == PayloadErrc::WrongKey || code == PayloadErrc::DecryptFailed);
}

TEST_F(PayloadDecryptorTest, ContentProblemsEachHaveTheirOwnCode)
{
    EXPECT_EQ(errorOf(seal(QByteArray("\xff\xfe\x00\x01", 4))), PayloadErrc::NotUtf8);
    auto notJson = PayloadDecryptor::decrypt(key, seal("userCode=1"));
    ASSERT_FALSE(notJson.ok());
    EXPECT_EQ(notJson.error().code, PayloadErrc::NotJson);
    EXPECT_GE(notJson.error().position, 0);
    EXPECT_EQ(errorOf(seal("[1,2]")), PayloadErrc::NotObject);
    EXPECT_EQ(errorOf(seal(R"({"userCode":5,"retUrl":"https://h.example/r"})")),
              PayloadErrc::BadField);
    EXPECT_EQ(errorOf(seal(R"({"attemptId":"","retUrl":"https://h.example/r"})")),
              PayloadErrc::BadField);
    EXPECT_EQ(errorOf(seal(R"({"attemptId":"a","retUrl":"http://h.example/r"})")),
              PayloadErrc::BadRetUrl);
    EXPECT_EQ(errorOf(seal(R"({"attemptId":"a","retUrl":"/relative"})")), PayloadErrc::BadRetUrl);
    EXPECT_TRUE(
        PayloadDecryptor::decrypt(key, seal(R"({"attemptId":"a","retUrl":"http://127.0.0.1:9/r"})"))
            .ok());

    auto shape = PayloadDecryptor::decrypt(
        key, seal(R"({"foo":"secret-value","retUrl":"https://h.example/r"})"));
    ASSERT_FALSE(shape.ok());
    EXPECT_EQ(shape.error().code, PayloadErrc::UnknownShape);
    EXPECT_TRUE(shape.error().message.contains(QLatin1String("foo")));
    EXPECT_FALSE(shape.error().message.contains(QLatin1String("secret-value")))
        << "messages never carry values";
    EXPECT_EQ(errorOf(seal(R"({"userCode":"u","attemptId":"a","retUrl":"https://h.example/r"})")),
              PayloadErrc::UnknownShape);
}

TEST_F(PayloadDecryptorTest, EveryFailureHasItsOwnMessage)
{
    const QList<QByteArray> inputs {
        "",
        "abc",
        "zz",
        seal(kAuth).left(100),
        seal(kAuth, oaepSha1(), QStringLiteral("other")),
        seal(kAuth, { QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:pkcs1") }),
        seal(kAuth, oaepSha256()),
        seal(QByteArray("\xff\xfe", 2)),
        seal("nope"),
        seal("[true]"),
        seal(R"({"x":1})"),
        seal(R"({"userCode":1,"retUrl":"https://h.example/r"})"),
        seal(R"({"attemptId":"a","retUrl":"ftp://h/r"})")
    };
    QSet<QString> messages;
    std::set<PayloadErrc> codes;
    for (const QByteArray &in : inputs) {
        auto r = PayloadDecryptor::decrypt(key, in);
        ASSERT_FALSE(r.ok());
        messages.insert(r.error().message);
        codes.insert(r.error().code);
        EXPECT_FALSE(payloadErrcName(r.error().code).isEmpty());
    }
    EXPECT_EQ(messages.size(), inputs.size());
    EXPECT_GE(codes.size(), 12u);
}

TEST_F(PayloadDecryptorTest, NoKeyIsItsOwnError)
{
    EXPECT_EQ(PayloadDecryptor::decrypt(crypto::RsaPrivateKey {}, seal(kAuth)).error().code,
              PayloadErrc::NoKey);
}

TEST_F(PayloadDecryptorTest, SilentAuthReplyOpensWithOpenSsl)
{
    // The provider's key pair is "other": we encrypt to its public key, openssl decrypts.
    auto pub = crypto::RsaPublicKey::fromPem(cli->readFile(QStringLiteral("other.spki.pem")));
    ASSERT_TRUE(pub.ok());
    const crypto::SecureBytes code(QByteArrayView("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
    auto reply = RetUrlReply::silentAuth(pub.value(), QStringLiteral("7d1f00aa"), code);
    ASSERT_TRUE(reply.ok()) << reply.error().message.toStdString();
    EXPECT_EQ(reply->status(), QStringLiteral("OK"));
    const QByteArray body = reply->toJson();
    EXPECT_FALSE(body.contains("0f1e2d3c")) << "the userCode is only inside the encrypted payload";

    auto cipher =
        crypto::Hex::decode(reply->body().value(QLatin1String("payload")).toString().toLatin1());
    ASSERT_TRUE(cipher.ok());
    const QByteArray plain =
        cli->run({ QStringLiteral("pkeyutl"), QStringLiteral("-decrypt"), QStringLiteral("-inkey"),
                   cli->path(QStringLiteral("other.pkcs8.pem")), QStringLiteral("-pkeyopt"),
                   QStringLiteral("rsa_padding_mode:oaep"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("rsa_oaep_md:sha1") },
                 cipher.value());
    const QJsonObject o = QJsonDocument::fromJson(plain).object();
    EXPECT_EQ(o.value(QLatin1String("attemptId")).toString(), QStringLiteral("7d1f00aa"));
    EXPECT_EQ(o.value(QLatin1String("userCode")).toString(),
              QStringLiteral("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
    EXPECT_EQ(o.size(), 2);
}

TEST_F(PayloadDecryptorTest, SilentAuthReplyRefusesWhatItCannotBuild)
{
    auto pub = crypto::RsaPublicKey::fromPem(cli->readFile(QStringLiteral("other.spki.pem")));
    ASSERT_TRUE(pub.ok());
    EXPECT_EQ(
        RetUrlReply::silentAuth({}, QStringLiteral("a"), crypto::SecureBytes(QByteArrayView("c")))
            .error()
            .code,
        PayloadErrc::NoKey);
    EXPECT_EQ(RetUrlReply::silentAuth(pub.value(), QStringLiteral("a"), crypto::SecureBytes())
                  .error()
                  .code,
              PayloadErrc::BadField);
    EXPECT_EQ(RetUrlReply::silentAuth(pub.value(), QStringLiteral("a"),
                                      crypto::SecureBytes(QByteArrayView("x\"y")))
                  .error()
                  .code,
              PayloadErrc::BadField);
    // An attemptId with characters JSON must escape is escaped correctly.
    auto odd = RetUrlReply::silentAuth(pub.value(), QStringLiteral("a\"b\\c"),
                                       crypto::SecureBytes(QByteArrayView("u1")));
    ASSERT_TRUE(odd.ok());
    auto cipher =
        crypto::Hex::decode(odd->body().value(QLatin1String("payload")).toString().toLatin1());
    const QByteArray plain =
        cli->run({ QStringLiteral("pkeyutl"), QStringLiteral("-decrypt"), QStringLiteral("-inkey"),
                   cli->path(QStringLiteral("other.pkcs8.pem")), QStringLiteral("-pkeyopt"),
                   QStringLiteral("rsa_padding_mode:oaep"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("rsa_oaep_md:sha1") },
                 cipher.value());
    EXPECT_EQ(QJsonDocument::fromJson(plain).object().value(QLatin1String("attemptId")).toString(),
              QStringLiteral("a\"b\\c"));
}

TEST(RetUrlReplyTest, ConnectReplyCarriesStatusAndOptionalReason)
{
    EXPECT_EQ(RetUrlReply::connect().toJson(), QByteArray(R"({"status":"OK"})"));
    const QJsonObject o =
        RetUrlReply::connect(QStringLiteral("DECLINED"), QStringLiteral("user cancelled")).body();
    EXPECT_EQ(o.value(QLatin1String("status")).toString(), QStringLiteral("DECLINED"));
    EXPECT_EQ(o.value(QLatin1String("reason")).toString(), QStringLiteral("user cancelled"));
}
