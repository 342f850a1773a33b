#include "ui/common/JsonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace aerodesk::ui {

namespace {

// A hue that keeps contrast with the base colour: darker on light bases, lighter on dark ones.
QColor hue(int h, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(h, 160, dark ? 170 : 80);
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_stringRe(QStringLiteral(R"("(?:[^"\\]|\\.)*"(\s*:)?)"))
    , m_numberRe(QStringLiteral(R"(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)"))
    , m_literalRe(QStringLiteral(R"(\b(?:true|false|null)\b)"))
{
    setPalette(QGuiApplication::palette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    m_key.setForeground(hue(210, palette));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(hue(120, palette));
    m_number.setForeground(hue(30, palette));
    m_literal.setForeground(hue(280, palette));
    m_literal.setFontItalic(true);
    m_masked.setForeground(palette.color(QPalette::PlaceholderText));
    m_masked.setFontItalic(true);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    for (auto it = m_numberRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_number);
    }
    for (auto it = m_literalRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_literal);
    }
    // Strings last: a number inside a string stays a string.
    for (auto it = m_stringRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool isKey = !m.captured(1).isEmpty();
        const QString value = m.captured(0);
        const QTextCharFormat &f = isKey             ? m_key
            : value.contains(QStringLiteral("••••")) ? m_masked
                                                     : m_string;
        setFormat(int(m.capturedStart()), int(m.capturedLength() - m.captured(1).size()), f);
    }
}

} // namespace aerodesk::ui
