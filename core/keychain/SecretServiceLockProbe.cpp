#include "core/keychain/SecretServiceLockProbe.h"

#include <QMetaObject>

#ifdef AERODESK_SECRET_SERVICE_LABELS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace aerodesk::keychain {

#ifdef AERODESK_SECRET_SERVICE_LABELS
void SecretServiceLockProbe::defaultCollectionLocked(QObject *context,
                                                     std::function<void(bool)> done)
{
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(get, 3000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher *w) {
                         w->deleteLater();
                         QDBusPendingReply<QDBusVariant> reply = *w;
                         done(!reply.isError() && reply.value().variant().toBool());
                     });
}
#else
void SecretServiceLockProbe::defaultCollectionLocked(QObject *context,
                                                     std::function<void(bool)> done)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(false); }, Qt::QueuedConnection);
}
#endif

} // namespace aerodesk::keychain
