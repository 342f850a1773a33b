#include "core/embedded/RetUrlAllowList.h"

#include <QCoreApplication>

namespace aerodesk::embedded {

QString RetUrlAllowList::originOf(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return {};
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

RetUrlAllowList RetUrlAllowList::forEnvironment(const api::Environment &environment)
{
    RetUrlAllowList list = fromOrigins(environment.retUrlOrigins);
    if (!environment.isProduction()) {
        const QString own = originOf(environment.baseUrl);
        if (!own.isEmpty() && !list.m_origins.contains(own))
            list.m_origins.prepend(own);
    }
    return list;
}

RetUrlAllowList RetUrlAllowList::fromOrigins(const QStringList &origins, QStringList *rejected)
{
    RetUrlAllowList list;
    for (const QString &entry : origins) {
        const QString trimmed = entry.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QString origin = originOf(QUrl(trimmed, QUrl::StrictMode));
        if (origin.isEmpty()) {
            if (rejected)
                rejected->append(tr("\"%1\" is not an http(s) origin such as https://host.example")
                                     .arg(trimmed));
            continue;
        }
        if (!list.m_origins.contains(origin))
            list.m_origins.append(origin);
    }
    return list;
}

std::optional<QString> RetUrlAllowList::refusal(const QUrl &url) const
{
    const QString origin = originOf(url);
    if (!origin.isEmpty() && m_origins.contains(origin))
        return std::nullopt;
    const QString shown =
        origin.isEmpty() ? url.toString(QUrl::RemovePath | QUrl::RemoveQuery) : origin;
    if (m_origins.isEmpty())
        return tr("The retUrl points to %1, and this environment allows no retUrl host yet: add "
                  "the provider's origin in Settings → Embedded banking. Nothing was sent.")
            .arg(shown);
    return tr("The retUrl points to %1, which is not on this environment's retUrl allow-list "
              "(%2). Nothing was sent.")
        .arg(shown, m_origins.join(QStringLiteral(", ")));
}

QStringList RetUrlAllowList::origins() const
{
    return m_origins;
}

} // namespace aerodesk::embedded
