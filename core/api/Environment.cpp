#include "core/api/Environment.h"

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
