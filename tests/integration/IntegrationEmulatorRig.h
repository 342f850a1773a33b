#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

namespace aerodesk::test {

/// The emulator the integration tests talk to: the real `aerodesk-sandbox` over pinned HTTPS
/// (through tests/support/EmulatorRig). Tests only see base URL, token and request().
class IntegrationEmulatorRig
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QString networkError;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    IntegrationEmulatorRig();
    ~IntegrationEmulatorRig();

    /// Starts it with `--seed 42 --time-scale <timeScale>`; false with lastError() on failure.
    bool start(double timeScale = 0.05);
    QString lastError() const;
    QUrl baseUrl() const;
    QString apiKey() const;
    QString token();
    /// True when this is the real executable over HTTPS.
    bool isRealExecutable() const;
    /// Makes the sandbox trust `caPem` for https:// webhook receivers. Only the in-process
    /// host can (the executable would need a flag): false when not supported.
    bool trustReceiverCa(const QByteArray &caPem);
    /// Makes the sandbox emit a `job.balance` webhook for a real job: against the executable,
    /// a seeded connection and POST /v2/accounts/{id}/refresh; in-process, the same event
    /// published directly. Returns the connection id, or empty with lastError().
    QString startBalanceJob();

    /// Authorised requests: Bearer token and x-api-key are added unless `headers` names them
    /// (pass {"Authorization",""} to send none).
    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
               const Headers &headers = {});
    /// An unauthenticated raw request (retUrl answers, malformed bodies, auth-error tests).
    Reply raw(const QByteArray &method, const QString &path, const QByteArray &body,
              const Headers &headers = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace aerodesk::test
