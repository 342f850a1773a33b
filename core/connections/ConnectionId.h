#pragma once

#include "core/util/Result.h"

#include <QString>

namespace aerodesk::connections {

/// Why a text is not a connectionId (one sentence, with the offending character's position).
struct InvalidConnectionId
{
    QString message;
};

/// Validation of a pasted or imported connectionId: 32 hex digits (Aerosync's form) or a dashed
/// UUID 8-4-4-4-12 (Aeropay's form). Surrounding whitespace is trimmed; the result is lowercase.
class ConnectionId
{
public:
    /// The normalised id, or one sentence saying what is wrong.
    static Result<QString, InvalidConnectionId> validate(const QString &text);
};

} // namespace aerodesk::connections
