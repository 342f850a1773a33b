#pragma once

#include "core/api/ErrorInfo.h"

#include <QList>
#include <QString>

namespace aerodesk::api {

/// Every documented Aerosync AC/AR code and the codes the sandbox adds, mapped to a cause, a
/// next step, a retry policy and whether it is a lockout (docs/error-catalogue.md). What a code
/// means for the UI is answered by the ErrorInfo it returns (relaunchAllowed(),
/// retryAllowed(), needsReconnect(), lockout...): widgets ask it and never compare codes.
/// Pure functions, no state.
class ErrorCatalog
{
public:
    /// Explains `code` (case-insensitive, surrounding spaces ignored). An unknown code keeps
    /// its raw code and text (`known == false`, retry AfterUserAction). `message` is the text
    /// that came with it; for AC-112 the running jobId is extracted from it when present.
    static ErrorInfo lookup(const QString &code, const QString &message = {});

    /// Parses a widget onError string "TYPE | Code: AC-117 | Message: text" into the same
    /// structure. Extra spaces, missing parts and a '|' inside the message are tolerated; the
    /// raw string is kept in `raw`.
    static ErrorInfo parseWidgetError(const QString &pipeString);

    /// The first job id ("REF-…", "TRN-…", "IDT-…") found in a message, or empty.
    static QString extractJobId(const QString &message);

    /// Every code the catalogue knows, in catalogue order (for the docs and the UI).
    static QList<QString> knownCodes();
};

} // namespace aerodesk::api
