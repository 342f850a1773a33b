#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
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
    qint64 pid = 0;

    /// Parses and checks the start line: https on 127.0.0.1, a PEM certificate whose SHA-256
    /// matches certSha256, credentials present. The error says what is wrong.
    static Result<EmulatorEndpoint, QString> fromStartLine(QByteArrayView line);
};

} // namespace aerodesk::emulatorhost
