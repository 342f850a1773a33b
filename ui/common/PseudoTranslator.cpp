#include "ui/common/PseudoTranslator.h"

#include <QRegularExpression>

namespace aerodesk::ui {

namespace {

// An accented look-alike for every ASCII letter (Latin-1, Latin Extended-A/B and Additional,
// all in DejaVu Sans), so the text stays readable but is visibly not the source.
constexpr char16_t kUpper[] = u"ÅƁÇĐÉƑĜĤÎĴĶĹḾÑÖṔǪŔŠŤÛṼŴẌÝŽ";
constexpr char16_t kLower[] = u"åƀçđéƒĝĥîĵķĺḿñöṗǫŕšţûṽŵẍýž";

QChar accented(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'A' && u <= u'Z')
        return QChar(kUpper[u - u'A']);
    if (u >= u'a' && u <= u'z')
        return QChar(kLower[u - u'a']);
    return c;
}

// Parts copied unchanged: placeholders (%1, %L12, %n, %Ln), HTML entities (&nbsp; &#8230;), tags.
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\G%L?(?:n|\\d{1,2})"));
    return re;
}
const QRegularExpression &entity()
{
    static const QRegularExpression re(QStringLiteral("\\G&#?[A-Za-z0-9]{1,10};"));
    return re;
}
const QRegularExpression &tag()
{
    static const QRegularExpression re(QStringLiteral("\\G</?[A-Za-z][^<>]*>"));
    return re;
}

} // namespace

PseudoTranslator::PseudoTranslator(QObject *parent)
    : QTranslator(parent)
{
    setObjectName(QStringLiteral("pseudoTranslator"));
}

QString PseudoTranslator::translate(const char *context, const char *sourceText, const char *,
                                    int) const
{
    if (!sourceText || !*sourceText)
        return {};
    // Key names ("Ctrl", "Shift") are parsed back by QKeySequence: leave them alone.
    if (context && qstrcmp(context, "QShortcut") == 0)
        return {};
    return pseudo(QString::fromUtf8(sourceText));
}

QString PseudoTranslator::pseudo(const QString &text)
{
    // Rich text keeps its outer tags outside the brackets ("<h2>…</h2>" stays a heading and no
    // bracket sits alone on a line of its own).
    static const QRegularExpression leadingTags(QStringLiteral("^(?:\\s*<[A-Za-z][^<>]*>)+"));
    static const QRegularExpression trailingTags(QStringLiteral("(?:</[A-Za-z][^<>]*>\\s*)+$"));
    const qsizetype head = leadingTags.match(text).capturedLength();
    const QRegularExpressionMatch tailMatch = trailingTags.match(text, head);
    const qsizetype tail = tailMatch.hasMatch() ? tailMatch.capturedLength() : 0;
    const QString source = text.mid(head, text.size() - head - tail);

    QString out;
    out.reserve(text.size() * 2 + 2);
    out += text.left(head);
    out += QChar(kOpen);
    int wordLength = 0;
    // About 40 % more: every word grows by two fifths of its length (rounded up).
    auto endWord = [&] {
        if (wordLength > 0)
            out += QString((wordLength * 2 + 4) / 5, QChar(kPad));
        wordLength = 0;
    };
    auto copyMatch = [&](const QRegularExpression &re, qsizetype &i) {
        const QRegularExpressionMatch m = re.match(source, i, QRegularExpression::NormalMatch,
                                                   QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return false;
        out += m.captured();
        i += m.capturedLength();
        return true;
    };
    for (qsizetype i = 0; i < source.size();) {
        const QChar c = source.at(i);
        if (c == u'%' && (endWord(), copyMatch(placeholder(), i)))
            continue;
        if (c == u'<' && (endWord(), copyMatch(tag(), i)))
            continue;
        if (c == u'&') {
            if (copyMatch(entity(), i))
                continue;
            out += c; // a mnemonic marker, or the first of "&&"
            ++i;
            if (i < source.size()) {
                // The mnemonic letter stays as it is (Alt+<letter> keeps working).
                if (source.at(i).isLetter())
                    ++wordLength;
                out += source.at(i);
                ++i;
            }
            continue;
        }
        if (c.isLetter()) {
            out += accented(c);
            ++wordLength;
        } else {
            endWord();
            out += c;
        }
        ++i;
    }
    endWord();
    out += QChar(kClose);
    out += text.right(tail);
    return out;
}

QString PseudoTranslator::outsidePseudo(const QString &shown)
{
    QString rest;
    int depth = 0;
    for (const QChar c : shown) {
        if (c == QChar(kOpen)) {
            ++depth;
        } else if (c == QChar(kClose)) {
            if (depth > 0)
                --depth;
        } else if (depth == 0) {
            rest += c;
        }
    }
    return rest;
}

} // namespace aerodesk::ui
