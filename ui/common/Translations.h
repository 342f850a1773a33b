#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace aerodesk::ui {

/// Loads the console's translations into the running application, before any widget exists.
class Translations
{
public:
    /// The environment variable that turns the pseudo-locale on ("1"; "" or "0" is off).
    static constexpr const char *kPseudoLocaleVariable = "AERODESK_PSEUDO_LOCALE";
    /// True when kPseudoLocaleVariable asks for the pseudo-locale.
    static bool pseudoLocaleRequested();

    /// Installs, on `app` (which owns them), either the pseudo-locale (PseudoTranslator) or the
    /// catalogue for `locale`: AeroDesk's own aerodesk_<lang>.qm from the resources (":/i18n",
    /// built from translations/ by lrelease) and Qt's qtbase_<lang>.qm for the standard buttons
    /// and dialogs. Returns a one-line description of what was installed (for the log).
    static QString install(QCoreApplication &app, const QLocale &locale, bool pseudo);
};

} // namespace aerodesk::ui
