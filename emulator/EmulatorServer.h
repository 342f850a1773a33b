#pragma once

#include "emulator/EmbeddedBankingService.h"
#include "emulator/EmulatorFaults.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/EmulatorRoutes.h"
#include "emulator/EmulatorWorld.h"
#include "emulator/LinkWidgetSessions.h"
#include "emulator/SelfSignedCertificate.h"
#include "emulator/TokenIssuer.h"
#include "emulator/WebhookService.h"

#include <QHttpServer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace aerodesk::emulator {

/// The offline Aerosync emulator: Qt HTTP Server over HTTPS on 127.0.0.1, routes for the data
/// API (tokens, accounts, jobs), the widget stand-in and the /sandbox control paths.
class EmulatorServer : public QObject
{
    Q_OBJECT
public:
    /// The header that carries the control token on /sandbox control routes.
    static constexpr const char *kControlHeader = "X-Sandbox-Control";
    static constexpr int kControlTokenBytes = 32; ///< 64 hex characters
    static constexpr int kMaxSeedPerCall = 100000;
    static constexpr int kMaxConnections = 300000; ///< all seeding and linking together

    explicit EmulatorServer(EmulatorOptions options, QObject *parent = nullptr);

    /// Generates the certificate (or uses `certificate` if given) and listens. False + `error`
    /// on failure.
    bool start(QString *error,
               const std::optional<SelfSignedCertificate> &certificate = std::nullopt);

    QUrl baseUrl() const;
    const SelfSignedCertificate &certificate() const { return m_certificate; }
    QString apiKey() const { return m_apiKey; }
    QString apiSecret() const { return m_apiSecret; }
    /// The control credential (CSPRNG, new per process), handed over on the start line only.
    QByteArray controlToken() const { return m_controlToken; }
    /// The one-line JSON a client reads to pin the certificate and sign in.
    QJsonObject startLine() const;
    EmulatorWorld &world() { return m_world; }
    EmulatorFaults &faults() { return m_faults; }
    WebhookService &webhooks() { return *m_webhooks; }
    EmbeddedBankingService &embeddedBanking() { return *m_eb; }
    /// PEM text or file paths for the embedded-banking keys (empty = generate).
    void setEmbeddedKeys(const QString &partnerKey, const QString &providerKey);

private:
    /// Route groups: open ones check nothing beyond the size guard; bearer ones need a valid
    /// API token (authorize()); control ones the control token (authorizeControl()).
    EmulatorRoutes openRoutes();
    EmulatorRoutes controlRoutes();
    /// nullopt when the request carries the control token in kControlHeader, else a 401.
    std::optional<QHttpServerResponse> authorizeControl(const QHttpServerRequest &request) const;
    EmulatorRoutes bearerRoutes();
    void routeTokens();
    void routeAccounts();
    void routeJobs();
    void routeWidget();
    void routeControl();
    /// An injected fault to answer instead (data API only), after any injected latency.
    std::optional<QHttpServerResponse> injectedFault();
    /// nullopt when the request carries a valid API bearer token, else the 403 AC-001 to send.
    std::optional<QHttpServerResponse> authorize(const QHttpServerRequest &request);
    /// Checks for data GETs: token, connection, expiry, a COMPLETED job of `type` (or ?job_id=).
    std::optional<QHttpServerResponse> dataGate(const QString &id, JobType type,
                                                const QHttpServerRequest &request);
    QJsonObject accountJson(const EmulatedConnection &c) const;
    QJsonObject jobStatusJson(EmulatedJob &job);
    /// Publishes job.* webhook events for every job whose status changed since the last sweep.
    void publishJobEvents();
    void publishJob(EmulatedJob &job, EmulatorWorld::JobState state);

    EmulatorOptions m_options;
    EmulatorWorld m_world;
    TokenIssuer m_tokens;
    LinkWidgetSessions m_widget;
    QHttpServer m_server;
    SelfSignedCertificate m_certificate;
    QString m_apiKey;
    QString m_apiSecret;
    QByteArray m_controlToken;
    quint16 m_port = 0;
    int m_tokenRequests = 0;
    WebhookService *m_webhooks = nullptr;
    EmbeddedBankingService *m_eb = nullptr;
    QString m_partnerKey;
    QString m_providerKey;
    QTimer m_sweep;
    EmulatorFaults m_faults;
};

} // namespace aerodesk::emulator
