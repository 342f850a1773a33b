// Issue 13, finding 3b, for the console's local webhook listener (the one used while watching):
// limits at the socket (netguard::HttpConnectionGuard), before QHttpServer buffers a request.
// Raw TCP: headers with no end within 64 KiB → 431 and closed; a body over 1 MiB → 413 and
// closed while the sender is still sending, nothing logged; a half-sent request is closed after
// the request timeout; a normal delivery is still answered.
#include "core/util/FixedClock.h"
#include "core/webhooks/WebhookListener.h"
#include "tests/support/Wait.h"

#include <QTcpSocket>

#include <gtest/gtest.h>
#include <memory>

using namespace aerodesk;
using namespace aerodesk::webhooks;

namespace {

class WebhookListenerLimits : public ::testing::Test
{
protected:
    void SetUp() override
    {
        listener.setRequestTimeoutMs(400);
        ASSERT_TRUE(listener.start()) << listener.errorString().toStdString();
    }

    std::unique_ptr<QTcpSocket> open()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), listener.port());
        EXPECT_TRUE(socket->waitForConnected(5000));
        return socket;
    }

    /// The listener runs on this thread: wait by processing events, never by blocking.
    static QByteArray readUntilClosed(QTcpSocket &socket, int timeoutMs, bool *closed)
    {
        QByteArray answer;
        aerodesk::test::waitUntil(
            [&] {
                answer += socket.readAll();
                return socket.state() != QAbstractSocket::ConnectedState;
            },
            timeoutMs);
        answer += socket.readAll();
        *closed = socket.state() != QAbstractSocket::ConnectedState;
        return answer;
    }

    FixedClock clock { QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC) };
    WebhookLog log;
    WebhookListener listener { log, clock };
};

} // namespace

TEST_F(WebhookListenerLimits, HeadersWithNoEndWithin64KiBAre431AndTheConnectionClosed)
{
    auto socket = open();
    socket->write("POST /aerodesk/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " +
                  QByteArray(70 * 1024, 'a'));
    bool closed = false;
    const QByteArray answer = readUntilClosed(*socket, 5000, &closed);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 431")) << answer.left(200).toStdString();
    EXPECT_TRUE(closed);
    EXPECT_EQ(log.size(), 0);
}

TEST_F(WebhookListenerLimits, ABodyOver1MiBIs413WhileTheSenderIsStillSending)
{
    auto socket = open();
    socket->write("POST /aerodesk/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  "application/json\r\nContent-Length: 8388608\r\n\r\n");
    socket->write(QByteArray(2 * 1024 * 1024, ' '));
    bool closed = false;
    const QByteArray answer = readUntilClosed(*socket, 8000, &closed);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 413")) << answer.left(200).toStdString();
    EXPECT_TRUE(answer.contains("PAYLOAD_TOO_LARGE"));
    EXPECT_TRUE(closed);
    EXPECT_EQ(log.size(), 0) << "a refused body never reaches the verifier";
}

TEST_F(WebhookListenerLimits, AHalfSentRequestIsClosedAfterTheRequestTimeout)
{
    auto socket = open();
    socket->write("POST /aerodesk/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n");
    bool closed = false;
    readUntilClosed(*socket, 5000, &closed);
    EXPECT_TRUE(closed) << "a slow sender kept its connection past the request timeout";
}

TEST_F(WebhookListenerLimits, ADeliveryWithinTheLimitsIsStillAnswered)
{
    auto socket = open();
    const QByteArray body = "{\"event\":\"job.balance\",\"pad\":\"" + QByteArray(900 * 1024, 'x') +
        "\"}"; // 900 KiB: under the 1 MiB cap
    socket->write("POST /aerodesk/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  "application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    ASSERT_TRUE(aerodesk::test::waitUntil(
        [&] {
            answer += socket->readAll();
            return answer.contains("\r\n\r\n");
        },
        8000));
    // No secret configured: 401 from the verifier, so the body got through and was logged.
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 401")) << answer.left(200).toStdString();
    EXPECT_EQ(log.size(), 1);
    // Longer than the request timeout later, the same keep-alive connection takes another one:
    // an answered request's deadline does not carry over.
    aerodesk::test::waitUntil([] { return false; }, 700);
    ASSERT_EQ(socket->state(), QAbstractSocket::ConnectedState);
    answer.clear();
    socket->write(
        "POST /aerodesk/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");
    ASSERT_TRUE(aerodesk::test::waitUntil(
        [&] {
            answer += socket->readAll();
            return answer.contains("\r\n\r\n");
        },
        5000));
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 401")) << answer.left(200).toStdString();
    EXPECT_EQ(log.size(), 2);
}
