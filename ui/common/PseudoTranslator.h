#pragma once

#include <QString>
#include <QTranslator>

namespace aerodesk::ui {

/// The pseudo-locale: a translator that turns every source string into an accented form about
/// 40 % longer, wrapped in ⟦ ⟧ ("&Quit" → "⟦&Qúîţ~~⟧"). With it installed, a string that did not go
/// through tr() stands out (no brackets, no accents) and a layout too tight for a longer
/// language cuts its text off. Placeholders (%1, %L2, %n), & mnemonics ("&&" stays a literal
/// ampersand), HTML tags and entities are kept as they are, so arg(), shortcuts and rich text
/// still work. Turned on with AERODESK_PSEUDO_LOCALE=1 or `aerodesk --pseudo-locale`.
class PseudoTranslator : public QTranslator
{
    Q_OBJECT
public:
    explicit PseudoTranslator(QObject *parent = nullptr);

    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    /// The pseudo form of `source`.
    static QString pseudo(const QString &source);
    /// `shown` with every ⟦…⟧ part (what a pseudo-translated string became) cut out: what is
    /// left did not come through tr() (or is data put next to translated text).
    static QString outsidePseudo(const QString &shown);

    static constexpr char16_t kOpen = u'\u27E6'; ///< ⟦
    static constexpr char16_t kClose = u'\u27E7'; ///< ⟧
    static constexpr char16_t kPad = u'~';
};

} // namespace aerodesk::ui
