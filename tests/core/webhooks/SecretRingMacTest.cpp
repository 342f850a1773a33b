// The ring's keyed HMAC contexts (set up once per secret, reused per delivery): the verdicts
// stay those of an independent peer (the openssl CLI), and replacing a secret drops its context.
#include "core/crypto/HmacKey.h"
#include "core/util/FixedClock.h"
#include "core/webhooks/SignatureVerifier.h"

#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

namespace {
crypto::SecureBytes ringSecret(const char *s)
{
    return crypto::SecureBytes(QByteArrayView(s));
}

/// "sha256=<hex>" from `openssl dgst -sha256 -hmac` (the peer, not our code).
QByteArray opensslSignature(const QByteArray &body, const QString &secret)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        ADD_FAILURE() << "openssl CLI not found";
        return {};
    }
    QProcess p;
    p.start(openssl,
            { QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-hmac"), secret,
              QStringLiteral("-r") });
    if (!p.waitForStarted())
        return {};
    p.write(body);
    p.closeWriteChannel();
    p.waitForFinished();
    return "sha256=" + p.readAllStandardOutput().left(64);
}

std::optional<QByteArray> hdr(const QByteArray &h)
{
    return h;
}
} // namespace

TEST(SecretRingMac, CachedContextAgreesWithOpensslOverManyDeliveries)
{
    FixedClock clock { QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC) };
    SecretRing ring(clock);
    ring.setCurrent(ringSecret("whsec-cached"));
    ASSERT_NE(ring.currentMac(), nullptr);
    EXPECT_EQ(ring.previousMac(), nullptr);
    // Bodies of several sizes through the same context, each one twice (a context left dirty
    // by the previous call would make the second verdict differ), and their tampered twins.
    for (const int size : { 0, 1, 63, 64, 65, 1024, 64 * 1024 + 3 }) {
        QByteArray body(size, 'b');
        for (int i = 0; i < size; ++i)
            body[i] = char('a' + (i * 7) % 26);
        const QByteArray sig = opensslSignature(body, QStringLiteral("whsec-cached"));
        for (int round = 0; round < 2; ++round) {
            const WebhookVerdict v = SignatureVerifier::verify(body, hdr(sig), ring);
            EXPECT_EQ(v.kind, K::Valid) << "size " << size << " round " << round;
            EXPECT_EQ(v.secret, S::Current);
        }
        QByteArray tampered = body;
        tampered.append('!');
        EXPECT_EQ(SignatureVerifier::verify(tampered, hdr(sig), ring).kind, K::NoSecretMatched)
            << "size " << size;
        QByteArray flipped = sig;
        flipped[flipped.size() - 1] = flipped.back() == '0' ? '1' : '0';
        EXPECT_EQ(SignatureVerifier::verify(body, hdr(flipped), ring).kind, K::NoSecretMatched)
            << "size " << size;
    }
}

TEST(SecretRingMac, RotationMovesThenDropsTheOldContext)
{
    FixedClock clock { QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC) };
    SecretRing ring(clock);
    ring.setCurrent(ringSecret("whsec-a"));
    const QByteArray body = R"({"event":"job.balance","n":1})";
    const QByteArray sigA = opensslSignature(body, QStringLiteral("whsec-a"));
    const QByteArray sigB = opensslSignature(body, QStringLiteral("whsec-b"));
    const QByteArray sigC = opensslSignature(body, QStringLiteral("whsec-c"));
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigB), ring).kind, K::NoSecretMatched);

    ring.rotate(ringSecret("whsec-b"));
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigB), ring).secret, S::Current);
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigA), ring).secret, S::Previous);
    ASSERT_NE(ring.previousMac(), nullptr);
    EXPECT_TRUE(ring.previousMac()->verify(body, QByteArray::fromHex(sigA.mid(7))));

    ring.rotate(ringSecret("whsec-c"));
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigC), ring).secret, S::Current);
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigB), ring).secret, S::Previous);
    // "a" is gone: neither context may still accept it.
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigA), ring).kind, K::NoSecretMatched);
    EXPECT_FALSE(ring.currentMac()->verify(body, QByteArray::fromHex(sigA.mid(7))));
    EXPECT_FALSE(ring.previousMac()->verify(body, QByteArray::fromHex(sigA.mid(7))));

    // restore() and setCurrent() replace the contexts too.
    ring.restore(ringSecret("whsec-a"), crypto::SecureBytes(), QDateTime());
    EXPECT_EQ(ring.previousMac(), nullptr);
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigA), ring).secret, S::Current);
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigC), ring).kind, K::NoSecretMatched);
    ring.setCurrent(crypto::SecureBytes());
    EXPECT_EQ(ring.currentMac(), nullptr);
    EXPECT_EQ(SignatureVerifier::verify(body, hdr(sigA), ring).kind, K::NoSecretConfigured);
}
