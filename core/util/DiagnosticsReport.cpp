#include "core/util/DiagnosticsReport.h"

#include "core/util/CoreVersion.h"
#include "core/util/DiagnosticLog.h"
#include "core/util/ProcessHardening.h"

#include <QDateTime>
#include <QSslSocket>
#include <QSysInfo>

namespace aerodesk {

QString DiagnosticsReport::environmentKindName(api::Environment::Kind kind)
{
    switch (kind) {
    case api::Environment::Kind::BuiltInSandbox:
        return QStringLiteral("built-in sandbox");
    case api::Environment::Kind::CustomSandbox:
        return QStringLiteral("custom sandbox");
    case api::Environment::Kind::Production:
        return QStringLiteral("production");
    }
    return QStringLiteral("unknown");
}

QString DiagnosticsReport::text(std::optional<api::Environment::Kind> environment,
                                int recentLogLines)
{
    const QString tls = QSslSocket::activeBackend();
    QStringList out;
    out << QStringLiteral("AeroDesk diagnostics")
        << QStringLiteral("Generated: %1")
               .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        << QStringLiteral("AeroDesk: %1").arg(CoreVersion::application())
        << QStringLiteral("Qt: %1 (built with %2)")
               .arg(CoreVersion::qtRuntime(), QStringLiteral(QT_VERSION_STR))
        << QStringLiteral("OpenSSL: %1").arg(CoreVersion::openSslRuntime())
        << QStringLiteral("TLS backend: %1").arg(tls.isEmpty() ? QStringLiteral("none") : tls)
        << QStringLiteral("OS: %1 (%2 %3, %4)")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                    QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())
        << QStringLiteral("Core dumps: %1")
               .arg(ProcessHardening::applied()
                        ? QStringLiteral("off")
                        : QStringLiteral("NOT off (%1)").arg(ProcessHardening::failure()))
        << QStringLiteral("Environment: %1")
               .arg(environment ? environmentKindName(*environment)
                                : QStringLiteral("not set up yet"))
        << QStringLiteral("Diagnostic log: %1%2")
               .arg(DiagnosticLog::filePath(),
                    DiagnosticLog::isInstalled() ? QString()
                                                 : QStringLiteral(" (not being written)"));
    const QStringList recent = DiagnosticLog::tail(recentLogLines);
    out << QString() << QStringLiteral("Recent log (%1 lines):").arg(recent.size());
    for (const QString &line : recent)
        out << DiagnosticLog::redact(line); // the file may have been written without redaction
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace aerodesk
