#pragma once
// A scripted Aerosync peer on loopback HTTPS for JobRunner's state machine: each connection id
// names a scenario, so outcomes are deterministic and instant (the real-sandbox versions of
// these tests live in JobRunnerSandboxTest.cpp). It answers with the documented paths, literals
// and error bodies; it is a peer, not a mock of AeroDesk's client.

#include "core/api/Environment.h"
#include "emulator/SelfSignedCertificate.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>

namespace aerodesk::test {

class ScriptedAerosync
{
public:
    /// HTTPS on a fresh self-signed certificate (AeroDesk sends nothing over plain http);
    /// environment() pins it.
    ScriptedAerosync()
        : ScriptedAerosync(emulator::SelfSignedCertificate::generate(nullptr))
    {
    }
    /// HTTPS on the given certificate and key (environment() does not pin it).
    ScriptedAerosync(const QSslCertificate &cert, const QSslKey &key) { setUp(cert, key); }

    /// A custom-sandbox environment on this peer for keychain `profile`, pinned to the
    /// generated certificate.
    api::Environment environment(const QString &profile, const QString &base = {}) const
    {
        return api::Environment::sandbox(
            api::Environment::Kind::CustomSandbox, QStringLiteral("Scripted"), profile,
            QUrl(base.isEmpty() ? baseUrl() : base), certPem, certSha256Hex);
    }

    QByteArray certPem;
    QByteArray certSha256Hex;

private:
    explicit ScriptedAerosync(const emulator::SelfSignedCertificate &generated)
        : certPem(generated.certificatePem)
        , certSha256Hex(generated.sha256Hex)
    {
        setUp(QSslCertificate(generated.certificatePem, QSsl::Pem),
              QSslKey(generated.privateKeyPem, QSsl::Ec, QSsl::Pem));
    }

    void setUp(const QSslCertificate &cert, const QSslKey &key)
    {
        if (!cert.isNull())
            m_server.sslSetup(cert, key);
        m_https = !cert.isNull();
        using M = QHttpServerRequest::Method;
        m_server.route(QStringLiteral("/v2/token"), M::Post, [this](const QHttpServerRequest &) {
            ++tokenRequests;
            return QHttpServerResponse(QJsonObject {
                { QStringLiteral("status"), QStringLiteral("success") },
                { QStringLiteral("TTL"), ttl },
                { QStringLiteral("token"), QStringLiteral("tok-%1").arg(tokenRequests) } });
        });
        m_server.route(
            QStringLiteral("/v2/accounts/<arg>"), M::Get,
            [this](const QString &c, const QHttpServerRequest &req) {
                ++accountGets;
                const QByteArray auth = req.value("Authorization");
                if (revokeAll || revokedTokens.contains(auth.mid(7)))
                    return error(QHttpServerResponder::StatusCode::Forbidden, "AC-001",
                                 QStringLiteral("The token has expired"));
                if (c == QLatin1String("nonjson"))
                    return QHttpServerResponse("text/html", "<html>proxy page</html>");
                if (c == QLatin1String("boom"))
                    return QHttpServerResponse("text/plain", "upstream exploded",
                                               QHttpServerResponder::StatusCode::BadGateway);
                if (c == QLatin1String("limit"))
                    return QHttpServerResponse("text/plain", "slow down",
                                               QHttpServerResponder::StatusCode::TooManyRequests);
                if (c == QLatin1String("gone"))
                    return error(QHttpServerResponder::StatusCode::NotFound, "AC-102",
                                 QStringLiteral("No such connection"));
                return account(c);
            });
        for (const QString &action : { QStringLiteral("refresh"), QStringLiteral("transactions"),
                                       QStringLiteral("identity") }) {
            m_server.route(QStringLiteral("/v2/accounts/<arg>/") + action, M::Post,
                           [this, action](const QString &c, const QHttpServerRequest &) {
                               return create(c, action);
                           });
        }
        m_server.route(QStringLiteral("/v2/accounts/<arg>/job/<arg>"), M::Get,
                       [this](const QString &c, const QString &j, const QHttpServerRequest &) {
                           return poll(c, j);
                       });
        m_server.route(
            QStringLiteral("/v2/accounts/<arg>/balance"), M::Get,
            [](const QString &c, const QHttpServerRequest &) {
                return QHttpServerResponse(QJsonObject {
                    { QStringLiteral("account"),
                      QJsonObject { { QStringLiteral("availableBalance"), 3124.25 },
                                    { QStringLiteral("currentBalance"), 3124.25 },
                                    { QStringLiteral("currency"), QStringLiteral("USD") },
                                    { QStringLiteral("connectionId"), c } } } });
            });
        m_server.route(
            QStringLiteral("/v2/accounts/<arg>/transactions"), M::Get,
            [](const QString &, const QHttpServerRequest &) {
                return QHttpServerResponse(QJsonObject {
                    { QStringLiteral("transactions"),
                      QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("TRN-x") },
                                                 { QStringLiteral("amount"), 10.5 } } } } });
            });
        m_server.route(QStringLiteral("/v2/accounts/<arg>/identity"), M::Get,
                       [](const QString &, const QHttpServerRequest &) {
                           return QHttpServerResponse(
                               QJsonObject { { QStringLiteral("identity"),
                                               QJsonObject { { QStringLiteral("accountHolderName"),
                                                               QStringLiteral("Pat Doe") } } } });
                       });
        port = m_server.listen(QHostAddress::LocalHost, 0);
    }

public:
    QString baseUrl() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_https ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(port);
    }

    quint16 port = 0;
    int tokenRequests = 0;
    int accountGets = 0;
    QJsonValue ttl = QStringLiteral("1800");
    QSet<QByteArray> revokedTokens; ///< Bearer tokens answered with 403 AC-001
    bool revokeAll = false;
    QHash<QString, int> creates; ///< per connection id
    QHash<QString, int> polls; ///< per connection id
    QHash<QString, bool> mfaDone; ///< set by a test to play the widget's MFA step

private:
    static QHttpServerResponse error(QHttpServerResponder::StatusCode status, const char *code,
                                     const QString &message)
    {
        return QHttpServerResponse(
            QJsonObject { { QStringLiteral("error"),
                            QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code) },
                                          { QStringLiteral("message"), message } } } },
            status);
    }

    QHttpServerResponse account(const QString &c)
    {
        return QHttpServerResponse(QJsonObject {
            { QStringLiteral("account"),
              QJsonObject {
                  { QStringLiteral("accountType"), QStringLiteral("checking") },
                  { QStringLiteral("canFetchBalance"), !c.startsWith(QLatin1String("manual")) },
                  { QStringLiteral("connectionMethod"),
                    c.startsWith(QLatin1String("manual")) ? 0 : 2 } } } });
    }

    QHttpServerResponse create(const QString &c, const QString &action)
    {
        ++creates[c];
        using SC = QHttpServerResponder::StatusCode;
        if (c.startsWith(QLatin1String("busy")))
            return error(SC::Conflict, "AC-112",
                         QStringLiteral("A job of this type is already running on this connection: "
                                        "REF-0123456789abcdef0123456789abcdef"));
        if (c.startsWith(QLatin1String("locked")) && creates[c] > 1)
            return error(SC::TooManyRequests, "AC-108",
                         QStringLiteral("MFA locked; try again in 15 minutes"));
        const char *key = action == QLatin1String("refresh") ? "refreshStatus"
            : action == QLatin1String("transactions")        ? "transactionStatus"
                                                             : "identityStatus";
        const char *prefix = action == QLatin1String("refresh") ? "REF-"
            : action == QLatin1String("transactions")           ? "TRN-"
                                                                : "IDT-";
        return QHttpServerResponse(
            QJsonObject { { QString::fromLatin1(key), QStringLiteral("Initiated") },
                          { QStringLiteral("jobId"),
                            QString::fromLatin1(prefix) +
                                QStringLiteral("%1").arg(creates[c], 32, 10, QLatin1Char('0')) },
                          { QStringLiteral("userId"), c } },
            SC::Ok);
    }

    QHttpServerResponse poll(const QString &c, const QString &j)
    {
        const int n = ++polls[c];
        auto status = [&](const char *s, bool mfa = false, QJsonObject err = {}) {
            QJsonObject o { { QStringLiteral("jobStatus"), QString::fromLatin1(s) },
                            { QStringLiteral("mfaTriggered"), mfa },
                            { QStringLiteral("jobId"), j },
                            { QStringLiteral("connectionId"), c } };
            if (!err.isEmpty())
                o.insert(QStringLiteral("error"), err);
            return QHttpServerResponse(o);
        };
        auto err = [](const char *code, const char *msg) {
            return QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code) },
                                 { QStringLiteral("message"), QString::fromLatin1(msg) } };
        };
        if (c.startsWith(QLatin1String("slow")))
            return status(n == 1 ? "Initiated" : "IN_PROGRESS");
        if (c.startsWith(QLatin1String("fail")))
            return n < 2 ? status("in_progress")
                         : status("FAILED", false, err("AC-103", "bank returned nothing"));
        // MFA, then a bad gateway for every later poll: only the MFA bound can end it.
        if (c.startsWith(QLatin1String("mfaflaky")))
            return n == 1 ? status("MFA_REQUIRED", true)
                          : QHttpServerResponse("text/plain", "upstream exploded",
                                                QHttpServerResponder::StatusCode::BadGateway);
        // MFA until it is done, then in progress for ever: the fresh bound after MFA ends it.
        if (c.startsWith(QLatin1String("mfaslow")))
            return mfaDone.value(c) ? status("IN_PROGRESS") : status("Pending MFA", true);
        // MFA and progress in turn for ever: only the total bound ends it.
        if (c.startsWith(QLatin1String("mfarepeat")))
            return n % 2 == 1 ? status("Pending MFA", true) : status("IN_PROGRESS");
        if (c.startsWith(QLatin1String("mfatimeout")))
            return n < 3 ? status("MFA_REQUIRED", true)
                         : status("FAILED", false, err("AC-110", "MFA session timed out"));
        if (c.startsWith(QLatin1String("locked")))
            return n < 2 ? status("pending_mfa", true)
                         : status("FAILED", false, err("AC-108", "too many attempts"));
        if (c.startsWith(QLatin1String("mfa"))) {
            if (!mfaDone.value(c))
                return status("Pending MFA", true);
            return status("COMPLETED");
        }
        return n < 2 ? status("IN_PROGRESS") : status("COMPLETED");
    }

    QHttpServer m_server;
    bool m_https = false;
};

} // namespace aerodesk::test
