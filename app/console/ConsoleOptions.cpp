#include "app/console/ConsoleOptions.h"

#include "core/util/CoreVersion.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace aerodesk {

QString ConsoleOptions::versionText()
{
    return QStringLiteral("aerodesk %1\nQt %2\n%3\n")
        .arg(CoreVersion::application(), CoreVersion::qtRuntime(), CoreVersion::openSslRuntime());
}

ConsoleOptions ConsoleOptions::parse(const QStringList &arguments)
{
    ConsoleOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("ConsoleOptions",
                                    "AeroDesk: support console for Aerosync bank links and "
                                    "embedded banking."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "ConsoleOptions", "Developer: write a PNG of the main window to <file> and exit."),
        QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption panel(
        QStringLiteral("panel"),
        QCoreApplication::translate("ConsoleOptions", "Developer: open on panel <id>."),
        QStringLiteral("id"));
    panel.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    parser.addOption(panel);
    QCommandLineOption tour(
        QStringLiteral("screenshot-tour"),
        QCoreApplication::translate(
            "ConsoleOptions",
            "Developer: run the sandbox tour and write every panel as PNG into <dir>."),
        QStringLiteral("dir"));
    tour.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(tour);
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QCoreApplication::translate(
            "ConsoleOptions",
            "Check this installation without opening a window: keychain, Qt and OpenSSL, "
            "the bundled sandbox, and one walkthrough (token, link, balance job, payload "
            "decrypt and retUrl answer). Exit code 0 only if every step passes."));
    parser.addOption(selfTest);
    const QCommandLineOption pseudoLocale(
        QStringLiteral("pseudo-locale"),
        QCoreApplication::translate(
            "ConsoleOptions",
            "Show every text in the pseudo-locale (accented and about 40 % longer), to "
            "find text that is not translatable or gets cut off. Same as "
            "AERODESK_PSEUDO_LOCALE=1."));
    parser.addOption(pseudoLocale);

    if (!parser.parse(arguments)) {
        options.m_action = Action::Error;
        options.m_message = parser.errorText() +
            QCoreApplication::translate("ConsoleOptions", "\nTry 'aerodesk --help'.\n");
        return options;
    }
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        options.m_action = Action::PrintHelp;
        // helpText() names the program from QCoreApplication, which does not exist yet.
        options.m_message = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                      QStringLiteral("aerodesk"));
        return options;
    }
    if (parser.isSet(version)) {
        options.m_action = Action::PrintVersion;
        options.m_message = versionText();
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        options.m_action = Action::Error;
        options.m_message =
            QCoreApplication::translate("ConsoleOptions",
                                        "Unexpected argument '%1'.\nTry 'aerodesk --help'.\n")
                .arg(parser.positionalArguments().constFirst());
        return options;
    }
    if (parser.isSet(selfTest)) {
        options.m_action = Action::SelfTest;
        return options;
    }
    options.m_screenshotPath = parser.value(screenshot);
    options.m_panelId = parser.value(panel);
    options.m_tourDir = parser.value(tour);
    options.m_pseudoLocale = parser.isSet(pseudoLocale);
    return options;
}

} // namespace aerodesk
