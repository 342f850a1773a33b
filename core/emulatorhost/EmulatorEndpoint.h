#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QPair>
#include <QString>
#include <QUrl>

namespace aerodesk::emulatorhost {

/// Where a running sandbox listens and how to trust and sign in to it: what aerodesk-sandbox
/// prints as its one start line.
struct EmulatorEndpoint
{
    QUrl baseUrl;
    QByteArray certPem;
    QByteArray certSha256Hex;
    QString apiKey;
    QString apiSecret;
    /// The credential for the sandbox's /sandbox control routes (seed, faults, expiry, info…):
    /// sent as the kControlHeader header. Random per process; known only to whoever read the
    /// start line (a pipe), never on a command line.
    QByteArray controlToken;
    qint64 pid = 0;

    static constexpr const char *kControlHeader = "X-Sandbox-Control";
    /// { kControlHeader, controlToken }, for requests to control routes.
    QPair<QByteArray, QByteArray> controlHeader() const
    {
        return { QByteArray(kControlHeader), controlToken };
    }

    /// Parses and checks the start line: https on 127.0.0.1, a PEM certificate whose SHA-256
    /// matches certSha256, credentials and the control token present. The error says what is wrong.
    static Result<EmulatorEndpoint, QString> fromStartLine(QByteArrayView line);
};

} // namespace aerodesk::emulatorhost
