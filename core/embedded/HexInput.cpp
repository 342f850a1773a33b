#include "core/embedded/HexInput.h"

#include <QCoreApplication>

namespace aerodesk::embedded {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// "'g' (U+0067)" — printable ASCII shown as itself, anything else by its code.
QString describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
}

} // namespace

QString HexInput::describe() const
{
    if (!wasNormalised())
        return {};
    QStringList parts;
    if (prefixRemoved)
        parts << tr("a leading 0x");
    if (lineBreaks > 0)
        parts << QCoreApplication::translate("aerodesk::embedded::HexInput", "%n line break(s)",
                                             nullptr, lineBreaks);
    const int spaces = whitespaceRemoved - lineBreaks;
    if (spaces > 0)
        parts << QCoreApplication::translate("aerodesk::embedded::HexInput",
                                             "%n space(s) or tab(s)", nullptr, spaces);
    return tr("Normalised the pasted text: removed %1 before decrypting.")
        .arg(parts.join(tr(" and ")));
}

Result<HexInput, PayloadError> HexInput::normalise(QByteArrayView text, qsizetype maxDigits)
{
    HexInput out;
    qsizetype i = 0;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    if (i + 1 < text.size() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
        out.prefixRemoved = true;
        i += 2;
    }
    out.digits.reserve(qMin(text.size(), maxDigits));
    qsizetype line = 1;
    qsizetype lineStart = 0;
    bool sawDigit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
        if (isSpace(c)) {
            ++out.whitespaceRemoved;
            if (c == '\n' && sawDigit)
                ++out.lineBreaks;
            continue;
        }
        if (!isHexDigit(c)) {
            QString where = tr("position %1").arg(i);
            if (line > 1)
                where += tr(" (line %1, column %2)").arg(line).arg(i - lineStart + 1);
            return PayloadError::make(PayloadErrc::BadHex,
                                      tr("The payload is not hex: %1 at %2 is not a hex digit.")
                                          .arg(describeChar(c), where),
                                      i);
        }
        if (out.digits.size() >= maxDigits)
            return PayloadError::make(
                PayloadErrc::BadHex,
                tr("The payload is longer than %1 hex digits; an event is one RSA block.")
                    .arg(maxDigits));
        out.digits.append(c);
        sawDigit = true;
    }
    // Whitespace after the last digit (a pasted line's newline) is not worth a note; leading
    // whitespace was skipped before the loop for the same reason.
    for (qsizetype j = text.size() - 1; j >= 0 && isSpace(text[j]) && out.whitespaceRemoved > 0;
         --j) {
        --out.whitespaceRemoved;
        if (text[j] == '\n' && out.lineBreaks > 0)
            --out.lineBreaks;
    }
    if (out.digits.isEmpty())
        return PayloadError::make(PayloadErrc::Empty, tr("There is no payload to decrypt."));
    if (out.digits.size() % 2 != 0)
        return PayloadError::make(
            PayloadErrc::BadHex,
            tr("The payload is not hex: it has an odd number of digits (%1); a digit is missing "
               "or one too many was pasted.")
                .arg(out.digits.size()));
    return out;
}

} // namespace aerodesk::embedded
