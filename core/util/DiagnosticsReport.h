#pragma once

#include "core/api/Environment.h"

#include <QString>

#include <optional>

namespace aerodesk {

/// The text behind Help → "Copy diagnostics": what a support person needs first, and nothing
/// secret — AeroDesk, Qt and OpenSSL versions, the OS, the KIND of environment (never its URLs
/// or credentials), where the diagnostic log is, and its most recent lines.
class DiagnosticsReport
{
public:
    /// `environment`: the active environment's kind, or nullopt when none is set up yet.
    static QString text(std::optional<api::Environment::Kind> environment,
                        int recentLogLines = 200);
    /// "built-in sandbox", "custom sandbox" or "production".
    static QString environmentKindName(api::Environment::Kind kind);
};

} // namespace aerodesk
