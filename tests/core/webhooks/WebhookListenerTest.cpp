// The local listener verifies before it answers: real HTTP requests to it (QNetworkAccessManager)
// with a good signature get 200, a wrong or missing one 401, and each is in the webhook log with
// the answer given. Signatures are computed with QMessageAuthenticationCode, independently of
// the verifier.

#include "core/webhooks/WebhookListener.h"

#include "core/util/FixedClock.h"
#include "tests/support/Wait.h"

#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using aerodesk::test::waitUntil;
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

namespace {

const QByteArray kBody =
    R"({"data":{"status":"completed"},"event":"job.balance","merchant_id":"m-1","timestamp":1764054843})";

QByteArray sign(const QByteArray &body, const QByteArray &secret)
{
    return "sha256=" +
        QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

class WebhookListenerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ring = std::make_shared<SecretRing>(clock);
        ring->setCurrent(crypto::SecureBytes(QByteArrayView("whsec-listen-new")));
        listener.setRingSource([this] {
            auto copy = std::make_shared<SecretRing>(clock);
            copy->restore(ring->current().clone(), ring->previous().clone(), ring->rotatedAt());
            return copy;
        });
        ASSERT_TRUE(listener.start()) << listener.errorString().toStdString();
    }
    /// POSTs `body` with `signature` (none when empty); the HTTP status answered.
    int post(const QByteArray &body, const QByteArray &signature)
    {
        QNetworkRequest request { QUrl(listener.url()) };
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!signature.isEmpty())
            request.setRawHeader("X-Webhook-Signature", signature);
        QNetworkReply *reply = nam.post(request, body);
        EXPECT_TRUE(waitUntil([&] { return reply->isFinished(); }, 10000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    FixedClock clock { QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC) };
    std::shared_ptr<SecretRing> ring;
    WebhookLog log;
    WebhookListener listener { log, clock };
    QNetworkAccessManager nam;
};

} // namespace

TEST_F(WebhookListenerTest, AGoodSignatureGets200AndIsLoggedAsAccepted)
{
    QList<WebhookLogEntry> logged;
    QObject::connect(&listener, &WebhookListener::logged,
                     [&](const WebhookLogEntry &e) { logged << e; });
    EXPECT_EQ(post(kBody, sign(kBody, "whsec-listen-new")), 200);
    ASSERT_EQ(log.size(), 1);
    const WebhookLogEntry e = log.entries().first();
    EXPECT_EQ(e.httpStatus, 200);
    EXPECT_FALSE(e.rejected());
    EXPECT_EQ(e.verdict.kind, K::Valid);
    EXPECT_EQ(e.verdict.secret, S::Current);
    EXPECT_EQ(e.event, QStringLiteral("job.balance"));
    EXPECT_EQ(e.bodySize, kBody.size());
    EXPECT_EQ(e.receivedAt, clock.nowUtc());
    ASSERT_EQ(logged.size(), 1) << "logged before the answer went out";
}

TEST_F(WebhookListenerTest, AWrongOrMissingSignatureGets401AndIsLoggedAsRejected)
{
    EXPECT_EQ(post(kBody, sign(kBody, "whsec-someone-else")), 401);
    EXPECT_EQ(post(kBody, QByteArray()), 401);
    EXPECT_EQ(post(kBody, "sha256=zz"), 401);
    // A body changed in transit: the signature was the original body's.
    QByteArray tampered = kBody;
    tampered.replace("completed", "failed");
    EXPECT_EQ(post(tampered, sign(kBody, "whsec-listen-new")), 401);
    ASSERT_EQ(log.size(), 4);
    const QList<WebhookLogEntry> entries = log.entries();
    for (const WebhookLogEntry &e : entries) {
        EXPECT_EQ(e.httpStatus, 401);
        EXPECT_TRUE(e.rejected());
        EXPECT_FALSE(e.verdict.ok());
    }
    EXPECT_EQ(entries[0].verdict.kind, K::NoSecretMatched);
    EXPECT_EQ(entries[1].verdict.kind, K::HeaderMissing);
    EXPECT_EQ(entries[2].verdict.kind, K::BadHex);
    EXPECT_EQ(entries[3].verdict.kind, K::NoSecretMatched);
}

TEST_F(WebhookListenerTest, ThePreviousSecretIsAcceptedOnlyInsideItsOverlapWindow)
{
    ring->rotate(crypto::SecureBytes(QByteArrayView("whsec-listen-newer")));
    EXPECT_EQ(post(kBody, sign(kBody, "whsec-listen-new")), 200);
    EXPECT_EQ(log.entries().last().verdict.secret, S::Previous);
    clock.advanceMs(25LL * 3600 * 1000);
    EXPECT_EQ(post(kBody, sign(kBody, "whsec-listen-new")), 401);
    EXPECT_EQ(log.entries().last().verdict.kind, K::PreviousExpired);
}

TEST_F(WebhookListenerTest, NoSecretToVerifyWithRejectsEverything)
{
    listener.setRingSource([] { return std::shared_ptr<SecretRing>(); });
    EXPECT_EQ(post(kBody, sign(kBody, "whsec-listen-new")), 401);
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log.entries().first().verdict.kind, K::NoSecretConfigured);
}
