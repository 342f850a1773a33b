#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace aerodesk::api {

/// Where AeroDesk talks to: the built-in sandbox (pinned certificate), a custom sandbox URL
/// (pinned certificate optional) or production (system CAs). `profile` names the keychain
/// namespace that holds this environment's apiKey/apiSecret (docs/keychain.md).
struct Environment
{
    enum class Kind { BuiltInSandbox, CustomSandbox, Production };

    Kind kind = Kind::BuiltInSandbox;
    QString name; ///< display name ("Built-in sandbox")
    QString profile; ///< keychain profile
    QUrl baseUrl; ///< data API base (…/v2 paths are appended)
    QUrl webhookBaseUrl; ///< webhook subscription API base (same as baseUrl in a sandbox)
    QByteArray pinnedCertPem; ///< sandbox: the only CA trusted, and the pinned certificate
    QByteArray pinnedCertSha256Hex; ///< sandbox: lowercase hex SHA-256 of the DER certificate
    int requestTimeoutMs = 30000; ///< every request's transfer timeout
    QString merchantId; ///< webhook management bodies carry merchant_id
    bool legacyJobPath = false; ///< poll GET /v2/job/{jobId} (older API revision)
    /// Embedded banking: the origins (scheme://host[:port]) an event's retUrl may point to.
    /// A sandbox's own origin is always allowed; production has only what Settings lists.
    QStringList retUrlOrigins;
    /// The widget's configurationId (branding), sent with every widget launch; empty = Aerosync's
    /// default branding. Not a secret (saved in Settings per environment).
    QString configurationId;

    /// baseUrl + `path` ("/v2/token"; a "?query" part is kept), keeping any path prefix of the
    /// base.
    QUrl dataUrl(const QString &path) const { return join(baseUrl, path); }
    QUrl webhookUrl(const QString &path) const { return join(webhookBaseUrl, path); }
    static QUrl join(const QUrl &base, const QString &path);

    /// Why `url` cannot be an environment's base URL, as one translated sentence, or nothing.
    /// Only absolute https:// URLs with a host are accepted: apiKey/apiSecret and tokens travel
    /// on every environment, so plain http is refused for every host, loopback included.
    /// Settings, the CLI and HttpTransport all use this one rule.
    static std::optional<QString> baseUrlProblem(const QUrl &url);

    bool isPinned() const { return !pinnedCertSha256Hex.isEmpty(); }
    /// True when a pin is set and is actually checked on every request: the base URL is https
    /// (HttpTransport refuses anything else, and fails a pinned reply that did not come over
    /// TLS). Only then may the UI say "certificate pinned".
    bool pinEnforced() const { return isPinned() && !baseUrlProblem(baseUrl); }
    bool isProduction() const { return kind == Kind::Production; }

    /// https://api.aerosync.com and https://api.sync.aero.inc, system CAs.
    static Environment production(const QString &profile);
    /// A sandbox on one base URL, pinned to `certPem` / `certSha256Hex`.
    static Environment sandbox(Kind kind, const QString &name, const QString &profile,
                               const QUrl &baseUrl, const QByteArray &certPem,
                               const QByteArray &certSha256Hex);
};

} // namespace aerodesk::api
