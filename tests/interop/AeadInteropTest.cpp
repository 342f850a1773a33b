// The store's field encryption (crypto::Aead, and the keyed crypto::AeadKey the store reuses
// for every row) against an independent AES-256-GCM: Node's crypto (gcm-peer.js). Each side
// opens what the other sealed, with associated data; a changed byte or place is refused by both.
#include "core/crypto/Aead.h"
#include "core/crypto/AeadKey.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Random.h"
#include "tests/interop/NodePeer.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;
using aerodesk::test::runNodeScript;

namespace {
QString hex(QByteArrayView bytes)
{
    return QString::fromLatin1(Hex::encode(bytes));
}
} // namespace

TEST(AeadInterop, NodeOpensWhatAKeyedContextSealedAcrossManyValues)
{
    const SecureBytes key = Random::secretBytes(32);
    const AeadKey keyed(key);
    const QByteArray aad = QByteArray("connections.connection_id") + '\0' + "row-7";
    for (const QByteArray &plain :
         { QByteArray(), QByteArray("0f1e2d3c4b5a69788796a5b4c3d2e1f0"), QByteArray(1000, 'x') }) {
        auto sealed = keyed.seal(plain, aad);
        ASSERT_TRUE(sealed.ok());
        const auto node =
            runNodeScript(QStringLiteral("gcm-peer.js"),
                          { QStringLiteral("open"), hex(key.view()), hex(*sealed), hex(aad) });
        ASSERT_EQ(node.exitCode, 0) << "Node refused a value of " << plain.size() << " bytes";
        EXPECT_EQ(node.out, Hex::encode(plain));
        // The same value under another place is refused by Node too.
        const auto moved = runNodeScript(QStringLiteral("gcm-peer.js"),
                                         { QStringLiteral("open"), hex(key.view()), hex(*sealed),
                                           hex("connections.aero_pass_user_uuid") });
        EXPECT_EQ(moved.exitCode, 2);
    }
}

TEST(AeadInterop, AKeyedContextOpensWhatNodeSealedAndRefusesAChangedByte)
{
    const SecureBytes key = Random::secretBytes(32);
    const AeadKey keyed(key);
    const QByteArray aad = "connection_events.detail";
    const QByteArray plain = R"({"kind":"job","jobId":"j-42"})";
    const auto node =
        runNodeScript(QStringLiteral("gcm-peer.js"),
                      { QStringLiteral("seal"), hex(key.view()), hex(plain), hex(aad) });
    ASSERT_EQ(node.exitCode, 0);
    auto sealed = Hex::decode(node.out);
    ASSERT_TRUE(sealed.ok());
    for (int round = 0; round < 3; ++round) { // the keyed context is reused, failures between
        auto opened = keyed.open(*sealed, aad);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        EXPECT_EQ(opened->view(), QByteArrayView(plain));
        QByteArray changed = *sealed;
        changed[20] = char(changed[20] ^ 0x40);
        EXPECT_EQ(keyed.open(changed, aad).error().code, CryptoErrc::AeadAuthFailed);
        EXPECT_EQ(keyed.open(*sealed, "another.place").error().code, CryptoErrc::AeadAuthFailed);
    }
    auto oneShot = Aead::open(key, *sealed, aad);
    ASSERT_TRUE(oneShot.ok());
    EXPECT_EQ(oneShot->view(), QByteArrayView(plain));
}
