#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace aerodesk {

/// The diagnostic log a support person asks for: every Qt message (qCDebug/qCInfo/qCWarning...
/// of the aerodesk.* categories and Qt's own) appended as one line
///
///     2026-11-30T10:37:26.123Z warning aerodesk.api: POST /v2/token -> HTTP 401 (12 ms)
///
/// to <AppDataLocation>/logs/aerodesk.log. The file is capped: past `maxBytes` it is rotated
/// (aerodesk.log -> aerodesk.log.1 -> aerodesk.log.2 ...), keeping `keepFiles` files in all.
/// install() chains a qInstallMessageHandler: each message still goes to the handler that was
/// there before (stderr), unchanged. Thread-safe: messages from any thread are serialised.
///
/// The rule is that no secret, token, userCode or unmasked id is ever logged. As a last resort
/// the file copy is also passed through redact() (obvious secret shapes only); the test that
/// proves the rule installs the log with `redact = false`.
class DiagnosticLog
{
public:
    struct Options
    {
        QString directory; ///< empty: defaultDirectory()
        qint64 maxBytes = 1024 * 1024; ///< rotate when the file would grow past this
        int keepFiles = 3; ///< aerodesk.log plus keepFiles - 1 rotated ones
        bool redact = true; ///< last-resort redaction of the file copy
    };

    static constexpr const char *kFileName = "aerodesk.log";

    /// <AppDataLocation>/logs (not created).
    static QString defaultDirectory();
    /// Installs the handler (replacing an earlier install of this log). Returns false, and
    /// installs nothing, when the directory cannot be created.
    static bool install(const Options &options);
    static bool install(); ///< with the default Options
    /// Restores the handler that was there before install() (tests).
    static void uninstall();
    static bool isInstalled();
    /// The file written to: the installed one, else the default place.
    static QString filePath();
    /// Up to `maxLines` most recent lines (oldest first), from the rotated files too if needed.
    static QStringList tail(int maxLines = 50);

    /// One line as written (without the newline).
    static QString formatLine(QtMsgType type, const char *category, const QString &message);
    /// Replaces obvious secret shapes: JWTs, "Bearer …", PEM blocks, JSON/query values of
    /// secret-named fields, long hex runs and UUIDs.
    static QString redact(const QString &line);
};

} // namespace aerodesk
