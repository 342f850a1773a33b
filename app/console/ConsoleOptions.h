#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace aerodesk {

/// The console's command line. Parsed before any QApplication exists, so `--help` and
/// `--version` work on a headless machine with no display.
class ConsoleOptions
{
public:
    /// What main() should do after parsing.
    enum class Action { Run, PrintHelp, PrintVersion, SelfTest, Error };

    /// Parses `arguments` (argv as strings, program first).
    static ConsoleOptions parse(const QStringList &arguments);

    Action action() const { return m_action; }
    /// Text for PrintHelp / PrintVersion, or the error message for Error.
    QString message() const { return m_message; }
    /// Hidden developer option: write a PNG of the main window here and exit.
    QString screenshotPath() const { return m_screenshotPath; }
    /// Hidden developer option: open on this panel id.
    QString panelId() const { return m_panelId; }
    /// Hidden developer option: bring the console into a realistic sandbox state and write one
    /// PNG per panel into this directory (scripts/screenshot.sh).
    QString screenshotTourDir() const { return m_tourDir; }
    /// `--pseudo-locale` (or AERODESK_PSEUDO_LOCALE=1): every string accented and ~40 % longer,
    /// to spot strings that bypass tr() and layouts that cut longer translations off.
    bool pseudoLocale() const { return m_pseudoLocale; }

    /// "aerodesk <version>" plus the Qt and OpenSSL runtime versions, one per line.
    static QString versionText();

private:
    Action m_action = Action::Run;
    QString m_message;
    QString m_screenshotPath;
    QString m_panelId;
    QString m_tourDir;
    bool m_pseudoLocale = false;
};

} // namespace aerodesk
