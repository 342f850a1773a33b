#pragma once

#include "core/embedded/PayloadError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace aerodesk::embedded {

/// A hex payload as it is pasted: copied from a log or a terminal it may be wrapped over several
/// lines, indented, or written with a leading "0x". normalise() keeps the hex digits and says
/// what it removed; any other character is refused with its position (and line and column) in
/// the text as pasted, so the person can find it.
struct HexInput
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::embedded::HexInput)

public:
    QByteArray digits; ///< only [0-9a-fA-F], even count
    int whitespaceRemoved = 0; ///< spaces, tabs and line breaks dropped (anywhere)
    int lineBreaks = 0; ///< of which line breaks between digits
    bool prefixRemoved = false; ///< a leading 0x / 0X dropped

    bool wasNormalised() const { return whitespaceRemoved > 0 || prefixRemoved; }
    /// "Removed a leading 0x and 3 line breaks and 12 spaces before decrypting." — empty when
    /// nothing was removed.
    QString describe() const;

    /// `maxDigits`: longer input is refused (BadHex) before it is copied.
    static Result<HexInput, PayloadError> normalise(QByteArrayView text, qsizetype maxDigits);
};

} // namespace aerodesk::embedded
