#pragma once

#include "core/api/Environment.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace aerodesk::session {

/// One environment the user can choose, as kept in QSettings. It holds NO secret by
/// construction: apiKey, apiSecret and the webhook secret live in the keychain under
/// `keychainProfile` (docs/keychain.md); only these public fields are ever written to settings.
struct EnvironmentProfile
{
    api::Environment::Kind kind = api::Environment::Kind::CustomSandbox;
    QString id; ///< settings key: "builtin", "production", "custom-<hex>"
    QString name; ///< display name
    QString keychainProfile; ///< keychain namespace (fixed when the profile is created)
    QUrl baseUrl; ///< custom sandbox only
    QString pinnedCertFile; ///< custom sandbox: optional PEM file of the pinned certificate
    QString configurationId; ///< widget configurationId (not a secret)
    /// Embedded banking: the origins an event's retUrl may point to, besides a sandbox's own
    /// (production has only these). Not secret.
    QStringList retUrlOrigins;
};

/// The environment profiles of the Settings panel, stored in QSettings under "environments/":
/// the built-in sandbox and production always exist (read-only kinds); custom sandboxes are
/// added and removed by the user. Only the non-secret fields of EnvironmentProfile are stored.
class EnvironmentProfiles
{
public:
    static constexpr const char *kBuiltInId = "builtin";
    static constexpr const char *kProductionId = "production";
    static constexpr const char *kBuiltInProfile = keychain::entries::kBuiltInProfile;
    static constexpr const char *kProductionProfile = keychain::entries::kProductionProfile;

    explicit EnvironmentProfiles(QSettings &settings);
    /// Where the profiles are kept (per-environment settings beside them, e.g. TeamStoreSettings).
    QSettings &settings() const { return m_settings; }

    /// Built-in sandbox, production, then the custom sandboxes in creation order.
    QList<EnvironmentProfile> profiles() const;
    std::optional<EnvironmentProfile> find(const QString &id) const;
    /// The profile whose keychain namespace is `keychainProfile` (for configurationId lookups).
    std::optional<EnvironmentProfile> findByKeychainProfile(const QString &keychainProfile) const;

    /// A new custom sandbox named `name` (made unique among the profiles); its keychain profile
    /// is "Custom sandbox <8 random hex>", fixed for the profile's life (renaming keeps it).
    EnvironmentProfile addCustom(const QString &name, const QUrl &baseUrl,
                                 const QString &pinnedCertFile = {});
    /// Stores the non-secret fields (name, base URL and cert file only for custom sandboxes).
    void save(const EnvironmentProfile &profile);
    /// Removes a custom sandbox (the fixed two cannot be removed; returns false for them).
    bool remove(const QString &id);

    /// The api::Environment for a custom sandbox or production. Reads the pinned certificate
    /// file (blocking file I/O and a hash: call it off the UI thread). Not for the built-in one,
    /// whose port and certificate exist only while the child sandbox runs.
    static Result<api::Environment, QString> toEnvironment(const EnvironmentProfile &profile);
    /// "ab:cd:…" SHA-256 of a certificate's DER bytes, grouped for reading.
    static QString formatFingerprint(const QByteArray &sha256Hex);

private:
    QString group(const QString &id) const;
    EnvironmentProfile read(const QString &id) const;
    QStringList customIds() const;

    QSettings &m_settings;
};

} // namespace aerodesk::session
