#include "ui/common/Translations.h"

#include "core/util/LogCategories.h"
#include "ui/common/PseudoTranslator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace aerodesk::ui {

bool Translations::pseudoLocaleRequested()
{
    const QByteArray value = qgetenv(kPseudoLocaleVariable).trimmed();
    return !value.isEmpty() && value != "0";
}

QString Translations::install(QCoreApplication &app, const QLocale &locale, bool pseudo)
{
    QString installed;
    if (pseudo) {
        QCoreApplication::installTranslator(new PseudoTranslator(&app));
        installed = QStringLiteral("pseudo-locale");
    } else {
        // Qt's own strings first, so that AeroDesk's catalogue (installed last, asked first) wins.
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            installed += qt->filePath();
        } else {
            delete qt;
        }
        auto *own = new QTranslator(&app);
        if (own->load(locale, QStringLiteral("aerodesk"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
            QCoreApplication::installTranslator(own);
            installed += (installed.isEmpty() ? QString() : QStringLiteral(", ")) + own->filePath();
        } else {
            delete own;
        }
        if (installed.isEmpty())
            installed = QStringLiteral("none (the source strings)");
    }
    qCInfo(aerodesk::log::ui) << "translations for" << locale.name() << ":" << installed;
    return installed;
}

} // namespace aerodesk::ui
