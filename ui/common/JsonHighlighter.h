#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace aerodesk::ui {

/// Syntax colours for pretty-printed JSON (keys, strings, numbers, true/false/null, the mask
/// bullet), taken from the widget's palette so they read in light and dark themes.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);
    /// Re-derives the colours from `palette` (call on QEvent::PaletteChange).
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_literal, m_masked;
    QRegularExpression m_stringRe;
    QRegularExpression m_numberRe;
    QRegularExpression m_literalRe;
};

} // namespace aerodesk::ui
