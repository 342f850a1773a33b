#include "core/emulatorhost/EmulatorEndpoint.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

namespace aerodesk::emulatorhost {

Result<EmulatorEndpoint, QString> EmulatorEndpoint::fromStartLine(QByteArrayView line,
                                                                  crypto::SecureBytes secret)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("the sandbox's start line is not JSON (%1)")
            .arg(parseError.errorString());
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("event")).toString() != QLatin1String("ready"))
        return QStringLiteral("the sandbox's start line is not a 'ready' event");
    EmulatorEndpoint e;
    e.baseUrl = QUrl(o.value(QStringLiteral("baseUrl")).toString());
    e.certPem = o.value(QStringLiteral("certPem")).toString().toLatin1();
    e.certSha256Hex = o.value(QStringLiteral("certSha256")).toString().toLatin1().toLower();
    e.apiKey = o.value(QStringLiteral("apiKey")).toString();
    if (secret.isEmpty()) {
        QString onLine = o.value(QStringLiteral("apiSecret")).toString();
        secret = crypto::SecureBytes::fromUtf8(onLine);
        crypto::secureWipe(onLine);
    }
    e.apiSecret = std::make_shared<crypto::SecureBytes>(std::move(secret));
    e.controlToken = o.value(QStringLiteral("controlToken")).toString().toLatin1();
    e.pid = o.value(QStringLiteral("pid")).toInteger();
    if (!e.baseUrl.isValid() || e.baseUrl.scheme() != QLatin1String("https") ||
        e.baseUrl.host() != QLatin1String("127.0.0.1"))
        return QStringLiteral("the sandbox must listen on https://127.0.0.1, not '%1'")
            .arg(e.baseUrl.toString());
    const QSslCertificate cert(e.certPem, QSsl::Pem);
    if (cert.isNull())
        return QStringLiteral("the sandbox's certificate is not a PEM certificate");
    if (cert.digest(QCryptographicHash::Sha256).toHex() != e.certSha256Hex)
        return QStringLiteral("the sandbox's certificate does not match its SHA-256 fingerprint");
    if (e.apiKey.isEmpty() || e.apiSecret->isEmpty())
        return QStringLiteral("the sandbox's start line has no credentials");
    if (e.controlToken.size() < 32)
        return QStringLiteral("the sandbox's start line has no control token");
    return e;
}

} // namespace aerodesk::emulatorhost
