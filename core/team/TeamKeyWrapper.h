#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/team/EnrolmentKeyPair.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/ScryptParams.h"
#include "core/team/TeamError.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/util/Result.h"

namespace aerodesk::team {

/// Wraps a team key into an export and unwraps it (docs/team.md, "Enrolment"):
///  - passphrase: wrapKey = scrypt(passphrase, salt, N, r, p) (32 bytes);
///  - public key: the lead makes a one-time X25519 pair, shared = X25519(ephemeral, agent),
///    wrapKey = HKDF-SHA256(shared, salt = ephemeralPublic | agentPublic,
///                          info "aerodesk team key x25519 wrap v1") (32 bytes);
/// then sealed = AES-256-GCM(wrapKey, teamKey, AAD = the header's exact JSON bytes).
/// Every unwrapping failure is CouldNotUnwrap with one sentence, whatever failed.
class TeamKeyWrapper
{
public:
    static constexpr const char *kX25519Label = "aerodesk team key x25519 wrap v1";

    struct Meta
    {
        QString team;
        QString createdBy;
    };

    static Result<TeamKeyExport, TeamError>
    wrapWithPassphrase(const TeamKey &key, const crypto::SecureBytes &passphrase, const Meta &meta,
                       const ScryptParams &params = ScryptParams::defaults());
    static Result<TeamKeyExport, TeamError>
    wrapFor(const TeamKey &key, const EnrolmentPublicKey &agent, const Meta &meta);

    /// WrongKind for a public-key export; EmptyPassphrase; CouldNotUnwrap; Inconsistent.
    static Result<TeamKey, TeamError> unwrap(const TeamKeyExport &exported,
                                             const crypto::SecureBytes &passphrase);
    /// WrongKind for a passphrase export; NotForThisKey when it names another enrolment key;
    /// CouldNotUnwrap; Inconsistent.
    static Result<TeamKey, TeamError> unwrap(const TeamKeyExport &exported,
                                             const EnrolmentKeyPair &agent);

    /// The one message of every unwrapping failure.
    static TeamError couldNotUnwrap();
};

} // namespace aerodesk::team
