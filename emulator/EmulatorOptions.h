#pragma once

#include <QString>
#include <QtGlobal>

namespace aerodesk::emulator {

/// How a sandbox instance behaves; filled from aerodesk-sandbox's command line.
struct EmulatorOptions
{
    quint16 port = 0; ///< 0 = a free port
    /// 0 = random; any other value makes ids, amounts and timings repeat. Never credentials:
    /// those always come from the CSPRNG (core/crypto/Random).
    quint64 seed = 0;
    double timeScale = 1.0; ///< multiplies every duration (jobs, MFA window, lockout, inactivity)
    qint64 tokenTtlSeconds = 1800;
    int requestTimeoutMs = 10000; ///< a request not complete this long after its first byte: closed
    QString apiKey; ///< empty = generated
    QString apiSecret; ///< empty = generated
    QString clientName = QStringLiteral("AeroDesk Sandbox Client");
    bool mfaRequiredLiteral = false; ///< polls say "MFA_REQUIRED" instead of "Pending MFA"
};

} // namespace aerodesk::emulator
