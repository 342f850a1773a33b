#pragma once

namespace aerodesk::keychain {

/// Every keychain entry AeroDesk writes, in one place. An entry is (service "AeroDesk",
/// profile, name): the profile is the environment's keychain profile (e.g. "Built-in sandbox",
/// "Production") unless the entry says otherwise. Code names entries through these constants,
/// never through string literals of its own.
namespace entries {

/// API credentials of an environment (per environment profile).
inline constexpr const char *kApiKey = "apiKey";
inline constexpr const char *kApiSecret = "apiSecret";

/// The webhook signing secrets of an environment, written only through the session's secret
/// ring (webhooks::SecretRingStore), which keeps the previous one and the rotation time.
inline constexpr const char *kWebhookSecretCurrent = "webhookSecret.current";
inline constexpr const char *kWebhookSecretPrevious = "webhookSecret.previous";

/// Embedded banking keys of an environment (PEM).
inline constexpr const char *kPartnerPrivateKey = "eb.partnerPrivateKey";
inline constexpr const char *kProviderPublicKey = "eb.providerPublicKey";
/// Embedded banking, per partner user: "userCode.<partner user id>" holds that user's userCode
/// (store::UserCodeVault); "eb.partnerUsers" the partner-user list (ids, states, times — no
/// code; embedded::PartnerUserDirectory).
inline constexpr const char *kUserCodePrefix = "userCode.";
inline constexpr const char *kPartnerUsers = "eb.partnerUsers";

/// The encrypted store's data key, in the profile kStoreProfile.
inline constexpr const char *kStoreProfile = "Local store";
inline constexpr const char *kStoreKey = "storeKey";
/// The team store's PostgreSQL password (docs/team.md), in the profile of the environment that
/// uses the team store; never in settings, logs or connection strings.
inline constexpr const char *kTeamStorePassword = "teamStore.password";
/// The audit log's chain head (last seq and hash, audit::AuditHead), in the store's profile:
/// a log cut short in the store file is detected against it (docs/audit.md). Not a secret.
inline constexpr const char *kAuditHead = "auditHead";

/// Team mode (issue 16, docs/team.md): each team has its own profile "Team: <team name>"
/// (kTeamProfilePrefix + name). "teamKey" holds the team's 32-byte data key (team::TeamKey),
/// written by `team create-key` on the lead's console or by an import of an enrolment export;
/// "enrolmentKey" the agent's X25519 enrolment private key (32 raw bytes) until it is used.
inline constexpr const char *kTeamProfilePrefix = "Team: ";
inline constexpr const char *kTeamKey = "teamKey";
inline constexpr const char *kTeamEnrolmentKey = "enrolmentKey";
/// Key rotation: "teamKey.<key id>" holds a team key of another epoch (the next one while a
/// rotation is under way, the previous one until its rows are re-encrypted).
inline constexpr const char *kTeamKeyOtherPrefix = "teamKey.";

/// `aerodesk --self-test`'s probe secret: written, read back and removed in a throwaway profile.
inline constexpr const char *kSelfTestProbe = "probe";

/// Profiles of the environments AeroDesk knows by itself.
inline constexpr const char *kBuiltInProfile = "Built-in sandbox";
inline constexpr const char *kProductionProfile = "Production";

} // namespace entries
} // namespace aerodesk::keychain
