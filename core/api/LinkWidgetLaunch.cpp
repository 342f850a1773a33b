#include "core/api/LinkWidgetLaunch.h"

namespace aerodesk::api {

LinkWidgetLaunch LinkWidgetLaunch::link(std::shared_ptr<const crypto::SecureBytes> token,
                                        const QString &configurationId)
{
    LinkWidgetLaunch w;
    w.token = std::move(token);
    w.configurationId = configurationId;
    return w;
}

LinkWidgetLaunch LinkWidgetLaunch::reconnect(std::shared_ptr<const crypto::SecureBytes> token,
                                             const QString &connectionId,
                                             const QString &configurationId)
{
    LinkWidgetLaunch w = link(std::move(token), configurationId);
    w.connectionId = connectionId;
    return w;
}

LinkWidgetLaunch LinkWidgetLaunch::mfaRelaunch(std::shared_ptr<const crypto::SecureBytes> token,
                                               const QString &jobId, const QString &connectionId,
                                               const QString &configurationId)
{
    LinkWidgetLaunch w = reconnect(std::move(token), connectionId, configurationId);
    w.jobId = jobId;
    w.handleMfa = true;
    return w;
}

QUrlQuery LinkWidgetLaunch::toQuery() const
{
    QUrlQuery q;
    auto add = [&q](const char *key, const QString &value) {
        if (!value.isEmpty())
            q.addQueryItem(QString::fromLatin1(key), value);
    };
    if (token)
        add("token", token->toUtf8String());
    add("configurationId", configurationId);
    add("aeroPassUserUuid", aeroPassUserUuid);
    add("connectionId", connectionId);
    add("jobId", jobId);
    if (handleMfa)
        add("handleMFA", QStringLiteral("true"));
    if (manualLinkOnly)
        add("manualLinkOnly", QStringLiteral("true"));
    add("defaultTheme", defaultTheme);
    add("version", QStringLiteral("2.0.0"));
    return q;
}

QString LinkWidgetLaunch::validate() const
{
    if (!token || token->isEmpty())
        return QStringLiteral("A fresh widget token is needed for every launch.");
    if (handleMfa && (jobId.isEmpty() || connectionId.isEmpty()))
        return QStringLiteral("An MFA relaunch needs the jobId and the connectionId.");
    if (!jobId.isEmpty() && !handleMfa)
        return QStringLiteral("A jobId is only given for an MFA relaunch (handleMFA).");
    return {};
}

} // namespace aerodesk::api
