// aerodesk — the console's start-up wiring: harden the process, parse the command line, build
// the window and its panels.
#include "app/console/ConsoleOptions.h"
#include "app/console/ConsoleWiring.h"
#include "app/console/ScreenshotTour.h"
#include "app/console/SelfTestRunner.h"
#include "core/util/CoreVersion.h"
#include "core/util/DiagnosticLog.h"
#include "core/util/LogCategories.h"
#include "core/util/ProcessHardening.h"
#include "ui/common/Icons.h"
#include "ui/common/Translations.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QImage>
#include <QLocale>
#include <QStatusBar>
#include <QThreadPool>

#include <cstdio>
#include <openssl/crypto.h>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("AeroDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("aerodesk.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("aerodesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AERODESK_VERSION));
}

QStringList argumentList(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

/// Every message from here on also goes to <AppDataLocation>/logs/aerodesk.log (Help → Open
/// diagnostic log); stderr keeps getting them too.
void startDiagnosticLog()
{
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}")); // stderr
    if (!aerodesk::DiagnosticLog::install())
        qCWarning(aerodesk::log::ui).noquote() << "cannot create the diagnostic log folder"
                                               << aerodesk::DiagnosticLog::defaultDirectory();
    qCInfo(aerodesk::log::ui).noquote()
        << "AeroDesk" << aerodesk::CoreVersion::application() << "starting (Qt"
        << aerodesk::CoreVersion::qtRuntime() + QLatin1Char(',')
        << aerodesk::CoreVersion::openSslRuntime() + QLatin1Char(')');
}

/// Lays the window out offscreen, grabs it and writes `path`. Returns the process exit code.
int writeScreenshot(aerodesk::ui::MainWindow &window, const QString &path)
{
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(aerodesk::ui::MainWindow::defaultSize());
    window.show();
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (image.isNull() || !image.save(path, "PNG")) {
        std::fprintf(stderr, "aerodesk: could not write the screenshot to %s\n", qPrintable(path));
        return 1;
    }
    std::printf("%s\n", qPrintable(path));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // No OPENSSL_cleanup at exit: it races with threads Qt ends during exit() (ASan saw it free
    // a thread's state twice); the process is ending and the kernel takes its memory back.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
    aerodesk::ProcessHardening::disableCoreDumps();
    setApplicationIdentity();

    // Parse before QApplication exists: --help and --version must work with no display.
    const aerodesk::ConsoleOptions options =
        aerodesk::ConsoleOptions::parse(argumentList(argc, argv));
    if (options.action() == aerodesk::ConsoleOptions::Action::Run ||
        options.action() == aerodesk::ConsoleOptions::Action::SelfTest)
        startDiagnosticLog();
    switch (options.action()) {
    case aerodesk::ConsoleOptions::Action::PrintHelp:
    case aerodesk::ConsoleOptions::Action::PrintVersion:
        std::fputs(qPrintable(options.message()), stdout);
        return 0;
    case aerodesk::ConsoleOptions::Action::SelfTest:
        return aerodesk::SelfTestRunner::run(argc, argv);
    case aerodesk::ConsoleOptions::Action::Error:
        std::fputs(qPrintable(options.message()), stderr);
        return 2;
    case aerodesk::ConsoleOptions::Action::Run:
        break;
    }

    QApplication app(argc, argv);
    // Before any widget exists: every tr() from here on sees the catalogue (or the pseudo-locale).
    aerodesk::ui::Translations::install(app, QLocale::system(),
                                        options.pseudoLocale() ||
                                            aerodesk::ui::Translations::pseudoLocaleRequested());
    QGuiApplication::setApplicationDisplayName(QStringLiteral("AeroDesk"));
    QGuiApplication::setDesktopFileName(QStringLiteral(AERODESK_APP_ID));
    QApplication::setWindowIcon(aerodesk::ui::Icons::appIcon());

    aerodesk::ui::MainWindow window;
    aerodesk::ConsoleWiring wiring(window);
    const bool interactive =
        options.screenshotPath().isEmpty() && options.screenshotTourDir().isEmpty();
    if (interactive) {
        // Start-up in two steps (docs/performance.md): every panel's row and a placeholder now,
        // the panel shown first built before show(); the shell's links, the store and the
        // built-in sandbox right after the first paint (ConsoleWiring::completeStartup). Every
        // other panel is built when it is first shown (or, for Jobs, when a job starts).
        wiring.installPanelPlaceholders();
    } else {
        // Every panel of the catalogue, bound to one session; the store and the built-in
        // sandbox start asynchronously.
        wiring.installPanels();
    }

    if (!options.screenshotPath().isEmpty()) {
        if (!options.panelId().isEmpty() && !window.showPanel(options.panelId())) {
            std::fprintf(stderr, "aerodesk: unknown panel '%s' (known: %s)\n",
                         qPrintable(options.panelId()),
                         qPrintable(window.panelIds().join(QStringLiteral(", "))));
            return 2;
        }
        return writeScreenshot(window, options.screenshotPath());
    }

    if (!options.screenshotTourDir().isEmpty()) {
        // The built-in environment: aerodesk-sandbox as a child, stopped when the window closes.
        wiring.start();
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(aerodesk::ui::MainWindow::defaultSize());
        window.show();
        aerodesk::ScreenshotTour tour(window, wiring, options.screenshotTourDir());
        QObject::connect(&tour, &aerodesk::ScreenshotTour::finished, &app, &QCoreApplication::exit);
        tour.start();
        const int status = app.exec();
        QThreadPool::globalInstance()->waitForDone();
        return status;
    }

    window.restoreSettings();
    if (!aerodesk::ProcessHardening::applied()) {
        // Not fatal (the console still works) but never silent: stderr, the diagnostic log
        // and the status bar say it until another message replaces it.
        const QString warning = aerodesk::ProcessHardening::warning();
        qCWarning(aerodesk::log::session).noquote()
            << "process hardening failed:" << aerodesk::ProcessHardening::failure();
        std::fprintf(stderr, "aerodesk: warning: %s\n", qPrintable(warning));
        window.statusBar()->showMessage(warning);
    }
    if (!options.panelId().isEmpty() && !window.showPanel(options.panelId())) {
        std::fprintf(stderr, "aerodesk: unknown panel '%s' (known: %s)\n",
                     qPrintable(options.panelId()),
                     qPrintable(window.panelIds().join(QStringLiteral(", "))));
    }
    wiring.createPanel(window.currentPanelId());
    window.show();
    // The other panels, the store and the built-in sandbox (aerodesk-sandbox as a child, stopped
    // when the window closes) once the first frame is drawn.
    wiring.completeStartupAfterFirstPaint();
    const int status = app.exec();
    // Pool threads end while OpenSSL is still initialised (not during exit()).
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
