#pragma once

#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aerodesk::team {

/// AeroDesk's text armour for team-key exports and enrolment public keys:
///   -----BEGIN AERODESK <LABEL>-----
///   base64 of the JSON document, 64 columns
///   -----END AERODESK <LABEL>-----
/// Text around the block (a mail's quoting, a trailing newline) is ignored.
class Armour
{
public:
    static constexpr const char *kTeamKeyLabel = "TEAM KEY";
    static constexpr const char *kEnrolmentKeyLabel = "ENROLMENT KEY";

    static QByteArray encode(const char *label, QByteArrayView payload);
    /// The payload of the `label` block in `text`. NotOurFormat when there is no AeroDesk block
    /// at all, or only one of another label (the message names what it is); Corrupt when the
    /// block is cut short or its base64 is broken.
    static Result<QByteArray, TeamError> decode(const char *label, QByteArrayView text);
};

} // namespace aerodesk::team
