#include "core/api/Environment.h"

#include <QCoreApplication>

namespace aerodesk::api {

QUrl Environment::join(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString prefix = url.path();
    if (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    const int q = path.indexOf(QLatin1Char('?'));
    url.setPath(prefix + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    return url;
}

std::optional<QString> Environment::baseUrlProblem(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QCoreApplication::translate(
                   "aerodesk::api::Environment",
                   "The base URL \"%1\" is not an absolute https:// URL such as "
                   "https://sandbox.example.com.")
            .arg(url.toString(QUrl::RemoveUserInfo));
    if (url.scheme() != QLatin1String("https"))
        return QCoreApplication::translate(
                   "aerodesk::api::Environment",
                   "The base URL \"%1\" does not use https://. AeroDesk sends the apiKey, "
                   "apiSecret and tokens only over TLS, so %2:// is refused for every host.")
            .arg(url.toString(QUrl::RemoveUserInfo), url.scheme());
    return std::nullopt;
}

Environment Environment::production(const QString &profile)
{
    Environment env;
    env.kind = Kind::Production;
    env.name = QStringLiteral("Production");
    env.profile = profile;
    env.baseUrl = QUrl(QStringLiteral("https://api.aerosync.com"));
    env.webhookBaseUrl = QUrl(QStringLiteral("https://api.sync.aero.inc"));
    return env;
}

Environment Environment::sandbox(Kind kind, const QString &name, const QString &profile,
                                 const QUrl &baseUrl, const QByteArray &certPem,
                                 const QByteArray &certSha256Hex)
{
    Environment env;
    env.kind = kind;
    env.name = name;
    env.profile = profile;
    env.baseUrl = baseUrl;
    env.webhookBaseUrl = baseUrl;
    env.pinnedCertPem = certPem;
    env.pinnedCertSha256Hex = certSha256Hex.trimmed().toLower();
    return env;
}

} // namespace aerodesk::api
