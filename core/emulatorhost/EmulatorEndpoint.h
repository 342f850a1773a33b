#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

namespace aerodesk::emulatorhost {

/// Where a running sandbox listens and how to trust and sign in to it: what aerodesk-sandbox
/// prints as its one start line.
struct EmulatorEndpoint
{
    QUrl baseUrl;
    QByteArray certPem;
    QByteArray certSha256Hex;
    QString apiKey;
    /// The sandbox's apiSecret. From the launcher it never travels on the start line: the sandbox
    /// writes it to a private pipe (--secret-fd, docs/sandbox.md). Copies of the endpoint share
    /// this one buffer, so clear() on it (BuiltInEnvironment does, once the keychain has its
    /// copy) empties every copy. Null or empty = no longer held.
    std::shared_ptr<crypto::SecureBytes> apiSecret;
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
    /// `secret` is what the sandbox wrote to its --secret-fd pipe; without one (a sandbox started
    /// by hand) the apiSecret is taken from the line itself.
    static Result<EmulatorEndpoint, QString> fromStartLine(QByteArrayView line,
                                                           crypto::SecureBytes secret = {});
};

} // namespace aerodesk::emulatorhost
