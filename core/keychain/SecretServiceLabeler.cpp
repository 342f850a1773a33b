#include "core/keychain/SecretServiceLabeler.h"

#include "core/util/LogCategories.h"

#include <QMetaObject>

#ifdef AERODESK_SECRET_SERVICE_LABELS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QMap>

#include <memory>
#endif

namespace aerodesk::keychain {

#ifdef AERODESK_SECRET_SERVICE_LABELS
namespace {
constexpr auto kSecrets = "org.freedesktop.secrets";
constexpr int kCallTimeoutMs = 3000;
using Attributes = QMap<QString, QString>;
} // namespace

void SecretServiceLabeler::apply(const QString &service, const QString &qualifiedKey,
                                 const QString &label, QObject *context, std::function<void()> done)
{
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered);
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage search = QDBusMessage::createMethodCall(
        QLatin1String(kSecrets), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    search << QVariant::fromValue(Attributes { { QStringLiteral("server"), service },
                                               { QStringLiteral("user"), qualifiedKey } });
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(search, kCallTimeoutMs), context);
    QObject::connect(
        watcher, &QDBusPendingCallWatcher::finished, context,
        [bus, label, context, done = std::move(done)](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *w;
            if (reply.isError() || reply.argumentAt<0>().isEmpty()) {
                // Names only; a label is made of the profile and the entry's kind.
                qCInfo(aerodesk::log::keychain).noquote()
                    << "keychain item not labelled (no unlocked Secret Service item found):"
                    << (reply.isError() ? reply.error().name() : QStringLiteral("none"));
                return done();
            }
            const QList<QDBusObjectPath> items = reply.argumentAt<0>();
            auto pending = std::make_shared<qsizetype>(items.size());
            for (const QDBusObjectPath &item : items) {
                QDBusMessage set = QDBusMessage::createMethodCall(
                    QLatin1String(kSecrets), item.path(),
                    QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Set"));
                set << QStringLiteral("org.freedesktop.Secret.Item") << QStringLiteral("Label")
                    << QVariant::fromValue(QDBusVariant(label));
                auto *setWatcher =
                    new QDBusPendingCallWatcher(bus.asyncCall(set, kCallTimeoutMs), context);
                QObject::connect(setWatcher, &QDBusPendingCallWatcher::finished, context,
                                 [pending, done](QDBusPendingCallWatcher *sw) {
                                     sw->deleteLater();
                                     if (sw->isError())
                                         qCInfo(aerodesk::log::keychain).noquote()
                                             << "keychain item label not set:"
                                             << sw->error().name();
                                     if (--*pending == 0)
                                         done();
                                 });
            }
        });
}
#else
void SecretServiceLabeler::apply(const QString &, const QString &, const QString &,
                                 QObject *context, std::function<void()> done)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(); }, Qt::QueuedConnection);
}
#endif

} // namespace aerodesk::keychain
