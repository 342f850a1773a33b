#pragma once

#include "core/team/ExportHeader.h"
#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QByteArray>

namespace aerodesk::team {

/// A team-key export as text: armoured ("AERODESK TEAM KEY") JSON
///   {"format":"aerodesk-team-key","version":1,"header":"<base64 of the header's JSON bytes>",
///    "sealed":"<base64 of 0x01 | 12-byte nonce | AES-256-GCM ciphertext of the key | tag>"}
/// The header is carried as exact bytes because those bytes are the GCM associated data.
struct TeamKeyExport
{
    static constexpr const char *kFormat = "aerodesk-team-key";

    ExportHeader header;
    QByteArray headerBytes; ///< the AAD: exactly what `header` was parsed from
    QByteArray sealed;

    /// Armoured text of `headerBytes` and `sealed`.
    QByteArray toArmoured() const;
    /// Every failure has its kind: NotOurFormat, UnknownVersion, Corrupt, BadHeader.
    static Result<TeamKeyExport, TeamError> parse(QByteArrayView text);
};

} // namespace aerodesk::team
