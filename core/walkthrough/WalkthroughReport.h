#pragma once

#include "core/walkthrough/Walkthrough.h"

#include <QDateTime>
#include <QString>

namespace aerodesk::walkthrough {

/// Exports a walkthrough's outcome as Markdown or HTML: titles, states, what the sandbox
/// confirmed and the next step of a failure. Only what the steps recorded goes in — ids are
/// already masked there and no secret (userCode, key, token) is ever recorded — and the export
/// re-checks: anything that looks like a 32-hex id or a PEM block is masked again.
class WalkthroughReport
{
public:
    static QString toMarkdown(const Walkthrough &walkthrough, const QDateTime &at);
    static QString toHtml(const Walkthrough &walkthrough, const QDateTime &at);
    /// Masks long hex runs (ids, userCodes) and PEM blocks in `text`.
    static QString scrub(QString text);
};

} // namespace aerodesk::walkthrough
