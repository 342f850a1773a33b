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

QString PseudoTranslator::translate(const char *context, const char *sourceText, const char *, int) const
{
    if (!sourceText || !*sourceText)
        return {};
    // Key names ("Ctrl", "Shift") are parsed back by QKeySequence: leave them alone.
    if (context && qstrcmp(context, "QShortcut") == 0)
        return {};
    return pseudo(QString::fromUtf8(sourceText));
}

QString PseudoTranslator::pseudo(const QString &source)
{
    QString out;
    out.reserve(source.size() * 2 + 2);
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
