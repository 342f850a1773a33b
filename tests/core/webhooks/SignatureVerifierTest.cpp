#include "core/webhooks/SignatureVerifier.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Hmac.h"
#include "core/util/FixedClock.h"
#include "core/webhooks/WebhookLog.h"

#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

namespace {
const QByteArray kBody =
    R"({"event":"job.balance","timestamp":1700000000,"merchant_id":"m1","data":{"status":"completed","job_id":"REF-1"}})";

crypto::SecureBytes secret(const char *s)
{
    return crypto::SecureBytes(QByteArrayView(s));
}

struct Ring
{
    FixedClock clock { QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC) };
    SecretRing ring { clock };
    Ring() { ring.setCurrent(secret("whsec-current")); }
};
} // namespace

TEST(SignatureVerifier, MatchesOpensslDgst)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    ASSERT_FALSE(openssl.isEmpty()) << "openssl CLI not found";
    QProcess p;
    p.start(openssl,
            { QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-hmac"),
              QStringLiteral("whsec-current"), QStringLiteral("-r") });
    ASSERT_TRUE(p.waitForStarted());
    p.write(kBody);
    p.closeWriteChannel();
    ASSERT_TRUE(p.waitForFinished());
    const QByteArray hex = p.readAllStandardOutput().left(64);
    Ring r;
    EXPECT_EQ(SignatureVerifier::sign(kBody, "whsec-current"), "sha256=" + hex);
    const auto v =
        SignatureVerifier::verify(kBody, std::optional<QByteArray>("sha256=" + hex), r.ring);
    EXPECT_EQ(v.kind, K::Valid);
    EXPECT_EQ(v.secret, S::Current);
}

TEST(SignatureVerifier, HeaderProblemsEachHaveTheirVerdict)
{
    Ring r;
    EXPECT_EQ(SignatureVerifier::verify(kBody, std::nullopt, r.ring).kind, K::HeaderMissing);
    EXPECT_EQ(SignatureVerifier::verify(kBody, std::optional<QByteArray>("  "), r.ring).kind,
              K::HeaderMissing);
    const QByteArray good = SignatureVerifier::sign(kBody, "whsec-current");
    EXPECT_EQ(SignatureVerifier::verify(kBody, std::optional<QByteArray>(good.mid(7)), r.ring).kind,
              K::WrongPrefix);
    EXPECT_EQ(
        SignatureVerifier::verify(kBody, std::optional<QByteArray>("sha1=" + good.mid(7)), r.ring)
            .kind,
        K::WrongPrefix);
    QByteArray badHex = good;
    badHex[10] = 'z';
    EXPECT_EQ(SignatureVerifier::verify(kBody, std::optional<QByteArray>(badHex), r.ring).kind,
              K::BadHex);
    EXPECT_EQ(SignatureVerifier::verify(
                  kBody, std::optional<QByteArray>(good.left(good.size() - 1)), r.ring)
                  .kind,
              K::BadHex);
    EXPECT_EQ(SignatureVerifier::verify(
                  kBody, std::optional<QByteArray>(good.left(good.size() - 2)), r.ring)
                  .kind,
              K::WrongLength);
    // Header lookup is case-insensitive.
    QList<QPair<QByteArray, QByteArray>> headers { { "content-type", "application/json" },
                                                   { "x-webhook-signature", good } };
    EXPECT_EQ(SignatureVerifier::verify(kBody, headers, r.ring).kind, K::Valid);
    EXPECT_EQ(
        SignatureVerifier::verify(kBody, QList<QPair<QByteArray, QByteArray>> {}, r.ring).kind,
        K::HeaderMissing);
}

TEST(SignatureVerifier, TamperedBodyAndWrongSecret)
{
    Ring r;
    const QByteArray sig = SignatureVerifier::sign(kBody, "whsec-current");
    QByteArray tampered = kBody;
    tampered.replace("completed", "failed   ");
    const auto t = SignatureVerifier::verify(tampered, std::optional<QByteArray>(sig), r.ring);
    EXPECT_EQ(t.kind, K::NoSecretMatched);
    EXPECT_FALSE(t.message.isEmpty());
    const auto w = SignatureVerifier::verify(
        kBody, std::optional<QByteArray>(SignatureVerifier::sign(kBody, "other")), r.ring);
    EXPECT_EQ(w.kind, K::NoSecretMatched);
    EXPECT_EQ(w.secret, S::None);
}

TEST(SignatureVerifier, ReserialisedBodyDetected)
{
    Ring r;
    const QByteArray sig = SignatureVerifier::sign(kBody, "whsec-current");
    // A framework pretty-printed the body, or reordered its keys: signature valid only for the
    // compact form.
    const QByteArray pretty = "{\n  \"event\": \"job.balance\",\n  \"timestamp\": 1700000000,\n  "
                              "\"merchant_id\": \"m1\",\n"
                              "  \"data\": {\"status\": \"completed\", \"job_id\": \"REF-1\"}\n}";
    const auto v = SignatureVerifier::verify(pretty, std::optional<QByteArray>(sig), r.ring);
    EXPECT_EQ(v.kind, K::ReserialisedBody);
    EXPECT_EQ(v.secret, S::Current);
    EXPECT_FALSE(v.detail.isEmpty());

    // The sender signed the sorted-key compact form; we received the original order.
    const QByteArray sorted =
        R"({"data":{"job_id":"REF-1","status":"completed"},"event":"job.balance","merchant_id":"m1","timestamp":1700000000})";
    const auto s = SignatureVerifier::verify(
        kBody, std::optional<QByteArray>(SignatureVerifier::sign(sorted, "whsec-current")), r.ring);
    EXPECT_EQ(s.kind, K::ReserialisedBody);
    EXPECT_TRUE(s.detail.contains(QStringLiteral("sorted")));
}

TEST(SignatureVerifier, RotatedSecretInsideAndOutsideOverlap)
{
    Ring r;
    const QByteArray oldSig = SignatureVerifier::sign(kBody, "whsec-current");
    r.ring.rotate(secret("whsec-next"));
    EXPECT_EQ(r.ring.previousValidUntil(), r.clock.nowUtc().addSecs(24 * 3600));

    r.clock.advanceMs(23LL * 3600 * 1000);
    auto inside = SignatureVerifier::verify(kBody, std::optional<QByteArray>(oldSig), r.ring);
    EXPECT_EQ(inside.kind, K::Valid);
    EXPECT_EQ(inside.secret, S::Previous);
    auto fresh = SignatureVerifier::verify(
        kBody, std::optional<QByteArray>(SignatureVerifier::sign(kBody, "whsec-next")), r.ring);
    EXPECT_EQ(fresh.secret, S::Current);

    r.clock.advanceMs(2LL * 3600 * 1000);
    auto outside = SignatureVerifier::verify(kBody, std::optional<QByteArray>(oldSig), r.ring);
    EXPECT_EQ(outside.kind, K::PreviousExpired);
    EXPECT_EQ(outside.secret, S::Previous);
    EXPECT_FALSE(outside.ok());

    r.ring.setOverlapSecs(48 * 3600);
    EXPECT_EQ(SignatureVerifier::verify(kBody, std::optional<QByteArray>(oldSig), r.ring).kind,
              K::Valid);
}

TEST(SignatureVerifier, NoSecretConfigured)
{
    FixedClock clock;
    SecretRing empty(clock);
    EXPECT_EQ(SignatureVerifier::verify(
                  kBody, std::optional<QByteArray>(SignatureVerifier::sign(kBody, "x")), empty)
                  .kind,
              K::NoSecretConfigured);
}

TEST(WebhookLog, RingBufferDropsOldest)
{
    WebhookLog log(3);
    int signals = 0;
    QObject ctx;
    QObject::connect(&log, &WebhookLog::appended, &ctx,
                     [&](const WebhookLogEntry &) { ++signals; });
    for (int i = 0; i < 5; ++i) {
        WebhookLogEntry e;
        e.event = QStringLiteral("e%1").arg(i);
        log.append(e);
    }
    EXPECT_EQ(signals, 5);
    const auto entries = log.entries();
    ASSERT_EQ(entries.size(), 3);
    EXPECT_EQ(entries[0].event, QStringLiteral("e2"));
    EXPECT_EQ(entries[2].event, QStringLiteral("e4"));
    log.clear();
    EXPECT_EQ(log.size(), 0);
}
